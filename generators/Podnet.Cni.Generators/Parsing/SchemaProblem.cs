using Microsoft.CodeAnalysis.Text;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>Something wrong with a schema file: a diagnostic id, where it is, and the message arguments.</summary>
internal sealed class SchemaProblem
{
    public SchemaProblem(string id, TextSpan span, params string[] arguments)
    {
        Id = id;
        Span = span;
        Arguments = arguments;
    }

    public string Id { get; }

    public TextSpan Span { get; }

    public string[] Arguments { get; }
}
