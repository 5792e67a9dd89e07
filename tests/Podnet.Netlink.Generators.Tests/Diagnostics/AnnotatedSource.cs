using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

/// <summary>
/// C# source with expected-diagnostic markup: <c>{|PN1004:text|}</c> expects PN1004 exactly on <c>text</c>, and
/// <c>[|text|]</c> expects the test's default ID there.
/// </summary>
internal sealed class AnnotatedSource
{
    private AnnotatedSource(string code, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Code = code;
        Expected = expected;
    }

    /// <summary>The source without markup.</summary>
    public string Code { get; }

    /// <summary>The diagnostics the markup expects, in source order.</summary>
    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    public static AnnotatedSource Parse(string markup, string? defaultId = null)
    {
        var code = new StringBuilder(markup.Length);
        var open = new Stack<(string Id, int Start)>();
        var expected = new List<ExpectedDiagnostic>();
        int i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, "{|"))
            {
                int colon = markup.IndexOf(':', i);
                open.Push((markup[(i + 2)..colon], code.Length));
                i = colon + 1;
            }
            else if (At(markup, i, "[|"))
            {
                open.Push((defaultId ?? throw new InvalidOperationException("[| |] needs a default diagnostic ID."), code.Length));
                i += 2;
            }
            else if (At(markup, i, "|}") || At(markup, i, "|]"))
            {
                (string id, int start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, code.Length)));
                i += 2;
            }
            else
            {
                code.Append(markup[i]);
                i++;
            }
        }

        if (open.Count != 0)
        {
            throw new InvalidOperationException("Unclosed diagnostic markup.");
        }

        expected.Sort((left, right) => left.Span.Start.CompareTo(right.Span.Start));
        return new AnnotatedSource(code.ToString(), expected);
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
