using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

/// <summary>
/// Runs the analyzers on annotated source and checks that exactly the marked diagnostics are reported, and that the
/// generator agrees (<see cref="Parity.ParityCheck"/>).
/// </summary>
internal static class DiagnosticVerifier
{
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, string? defaultId = null)
    {
        AnnotatedSource source = AnnotatedSource.Parse(markup, defaultId);
        ImmutableArray<Diagnostic> actual = await NetlinkTestCompilation.AnalyzeAsync(source.Code);
        foreach (Diagnostic diagnostic in actual)
        {
            Assert.Equal(NetlinkTestCompilation.SourcePath, diagnostic.Location.SourceTree?.FilePath);
        }

        string[] expectedLines = source.Expected.Select(expected => Describe(expected.Id, source.Code, expected.Span)).ToArray();
        string[] actualLines = actual
            .Select(diagnostic => Describe(diagnostic.Id, source.Code, diagnostic.Location.SourceSpan))
            .ToArray();
        Assert.Equal(string.Join("\n", expectedLines), string.Join("\n", actualLines));

        // Every source a diagnostic test verifies also checks that the generator agrees with the analyzers.
        await Parity.ParityCheck.VerifyAsync(source.Code);
        return actual;
    }

    private static string Describe(string id, string code, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        $"{id} {span} '{code.Substring(span.Start, span.Length)}'";
}
