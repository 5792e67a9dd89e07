using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Podnet.Cni.Generators.Json;

/// <summary>
/// One value of a schema document with the text span it came from, so diagnostics can point at a line.
/// Only the parser and the analyzer see nodes; the generator model never holds them.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonNodeKind kind, TextSpan span)
    {
        Kind = kind;
        Span = span;
    }

    public JsonNodeKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The decoded text of a string, or the literal text of a number.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The members of an object, in document order.</summary>
    public List<JsonMember> Members { get; } = new();

    /// <summary>The items of an array.</summary>
    public List<JsonNode> Items { get; } = new();

    public JsonMember? Find(string name)
    {
        foreach (JsonMember member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    public JsonNode? Get(string name) => Find(name)?.Value;
}

/// <summary>The kind of a value in a schema document.</summary>
internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>One <c>"name": value</c> pair of a JSON object, with the span of its name.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}
