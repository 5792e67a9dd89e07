using Microsoft.CodeAnalysis.Text;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>A place in a schema file that names something checked across files: a <c>$ref</c> target or a type name.</summary>
internal sealed class SchemaSite
{
    public SchemaSite(string value, TextSpan span)
    {
        Value = value;
        Span = span;
    }

    public string Value { get; }

    public TextSpan Span { get; }
}
