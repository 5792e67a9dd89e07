using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Tests.Diagnostics;

namespace Podnet.Netlink.Generators.Tests.Parity;

/// <summary>
/// Runs the generator and the analyzers over the same source and requires that they agree: an attribute set has an
/// error diagnostic exactly when it gets no generated file, no generated file has a compiler error or warning, and
/// the generator never throws.
/// </summary>
internal static class ParityCheck
{
    /// <summary>Checks <paramref name="code"/>; returns how many attribute sets it had and how many were generated.</summary>
    public static async Task<(int Sets, int Generated)> VerifyAsync(string code)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation input = NetlinkTestCompilation.Create(code);

        // The test sources carry no XML docs, so the generated trees are parsed like the input (without CS1591 on user types).
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new NetlinkGenerator().AsSourceGenerator()], parseOptions: NetlinkTestCompilation.ParseOptions).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics, cancellationToken);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.True(result.Exception is null, $"The generator threw {result.Exception}\n{code}");
        Assert.DoesNotContain(driverDiagnostics, diagnostic => diagnostic.Id == "CS8785");

        string[] generatedProblems = output.GetDiagnostics(cancellationToken)
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && diagnostic.Location.SourceTree?.FilePath.EndsWith(".Netlink.g.cs", StringComparison.Ordinal) == true)
            .Select(diagnostic => diagnostic.ToString())
            .ToArray();
        Assert.True(generatedProblems.Length == 0, "A generated file does not compile cleanly:\n" + string.Join("\n", generatedProblems) + "\n" + code);

        ImmutableArray<Diagnostic> analyzerDiagnostics = await input
            .WithAnalyzers(NetlinkTestCompilation.Analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync(cancellationToken);
        Assert.DoesNotContain(analyzerDiagnostics, diagnostic => diagnostic.Id.StartsWith("AD", StringComparison.Ordinal));
        Diagnostic[] errors = analyzerDiagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Id.StartsWith("PN1", StringComparison.Ordinal)).ToArray();

        var hints = result.GeneratedSources.Select(source => source.HintName).ToHashSet(StringComparer.Ordinal);
        INamedTypeSymbol? marker = input.GetTypeByMetadataName("Podnet.Netlink.NetlinkAttributeSetAttribute");
        int sets = 0;
        foreach (INamedTypeSymbol set in AllTypes(input.Assembly.GlobalNamespace).Where(type => type.TypeKind == TypeKind.Class && type.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, marker))))
        {
            sets++;
            bool hasError = errors.Any(error => Belongs(error.Location, set, cancellationToken));
            bool generated = hints.Contains(Parsing.AttributeSetParser.HintName(set));
            Assert.True(
                hasError != generated,
                $"'{set.ToDisplayString()}': {(hasError ? "has an error diagnostic" : "has no error diagnostic")} and {(generated ? "was generated" : "was not generated")}\n"
                + string.Join("\n", errors.Select(error => error.ToString())) + "\n" + code);
        }

        return (sets, hints.Count);
    }

    /// <summary>A diagnostic belongs to a set when it lies in one of its declarations or in a type that contains it.</summary>
    private static bool Belongs(Location location, INamedTypeSymbol set, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? type = set; type is not null; type = type.ContainingType)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == location.SourceTree && reference.GetSyntax(cancellationToken).FullSpan.Contains(location.SourceSpan))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner)
            {
                if (inner is INamedTypeSymbol type)
                {
                    yield return type;
                }

                foreach (INamedTypeSymbol nested in AllTypes(inner))
                {
                    yield return nested;
                }
            }
        }
    }
}
