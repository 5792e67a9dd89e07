using Microsoft.CodeAnalysis.Text;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>A place in a schema file that names something checked across files: a <c>$ref</c> target or a type name.</summary>
internal sealed class SchemaSite
{
    public SchemaSite(string value, TextSpan span, bool isEnum = false)
    {
        Value = value;
        Span = span;
        IsEnum = isEnum;
    }

    public string Value { get; }

    public TextSpan Span { get; }

    /// <summary>For a type name: the type is an enum (so it also claims its helper class name).</summary>
    public bool IsEnum { get; }
}
