using Microsoft.CodeAnalysis.Text;

namespace Podnet.Cni.Generators.Json;

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
