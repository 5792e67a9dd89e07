using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Podnet.Cni.Generators.Tests.Support;

/// <summary>Runs the generator and the analyzer over in-memory sources and schema files.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private const string Marker = "namespace Consumer; public static class Marker { }";

    /// <summary>A compilation of <paramref name="sources"/> plus <see cref="MappedTypeStubs"/>.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateBareCompilation([.. sources, MappedTypeStubs.Source]);

    /// <summary>A compilation of <paramref name="sources"/> alone: no type for the ip, cidr and mac formats.</summary>
    public static CSharpCompilation CreateBareCompilation(params string[] sources) => CSharpCompilation.Create(
        "GeneratorTests",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, string? @namespace = null)
    {
        var properties = new Dictionary<string, string>();
        if (@namespace is not null)
        {
            properties["build_property." + CniSchemaGenerator.NamespaceProperty] = @namespace;
        }

        return CSharpGeneratorDriver.Create(
            [new CniSchemaGenerator().AsSourceGenerator()],
            additionalTexts: files,
            parseOptions: ParseOptions,
            optionsProvider: new GlobalOptionsProvider(properties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator and returns the result plus the diagnostics of compiling its output.</summary>
    public static (GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> CompileDiagnostics) Run(IEnumerable<AdditionalText> files, string? @namespace = null, bool mappedTypes = true)
    {
        CSharpCompilation compilation = mappedTypes ? CreateCompilation(Marker) : CreateBareCompilation(Marker);
        GeneratorDriver driver = CreateDriver(files, @namespace).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        ImmutableArray<Diagnostic> diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (driver.GetRunResult(), diagnostics);
    }

    public static string Source(GeneratorDriverRunResult result, string hintName) =>
        result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(IEnumerable<AdditionalText> files, bool mappedTypes = true)
    {
        CSharpCompilation compilation = mappedTypes ? CreateCompilation(Marker) : CreateBareCompilation(Marker);
        var options = new AnalyzerOptions(files.ToImmutableArray());
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers([new Diagnostics.CniSchemaAnalyzer()], options);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
    }
}
