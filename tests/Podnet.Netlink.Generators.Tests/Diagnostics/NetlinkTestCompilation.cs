using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Analyzers;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

/// <summary>Builds compilations of test sources against .NET 10 and the Podnet.Netlink runtime, and runs the analyzers.</summary>
internal static class NetlinkTestCompilation
{
    public const string SourcePath = "/src/Test.cs";

    /// <summary>Usings every test source gets, as a separate file so spans in the test source stay as written.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Net;
        global using Podnet.Netlink;
        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    public static ImmutableArray<MetadataReference> References { get; } = Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(NetlinkWriter).Assembly.Location))
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new AttributeSetAnalyzer(),
        new AttributeSetDeclarationAnalyzer());

    /// <summary>
    /// The compilation without the test source, its references already resolved: adding a tree to it keeps that work
    /// (Roslyn reuses the reference binding when only syntax trees change), which every test would otherwise repeat.
    /// </summary>
    private static readonly Lazy<CSharpCompilation> s_withoutSource = new(() =>
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "NetlinkTests",
            [CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, "/src/GlobalUsings.cs")],
            References,
            CompilationOptions);
        _ = compilation.ObjectType;
        return compilation;
    });

    /// <summary>The global usings and <paramref name="code"/> at <see cref="SourcePath"/>, against <see cref="References"/>.</summary>
    public static CSharpCompilation Create(string code, CSharpCompilationOptions? options = null)
    {
        CSharpCompilation compilation = s_withoutSource.Value.AddSyntaxTrees(CSharpSyntaxTree.ParseText(code, ParseOptions, SourcePath));
        return options is null ? compilation : compilation.WithOptions(options);
    }

    /// <summary>Compiles <paramref name="code"/> (which must have no compiler errors) and returns the PN diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        string code,
        CSharpCompilationOptions? options = null,
        AnalyzerOptions? analyzerOptions = null)
    {
        CSharpCompilation compilation = Create(code, options);
        Diagnostic[] errors = compilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));

        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> all = await withAnalyzers.GetAllDiagnosticsAsync(TestContext.Current.CancellationToken);
        Diagnostic[] failures = all.Where(diagnostic => diagnostic.Id.StartsWith("AD", StringComparison.Ordinal)).ToArray();
        Assert.True(failures.Length == 0, "An analyzer threw:\n" + string.Join("\n", failures.Select(e => e.ToString())));
        return all.Where(diagnostic => diagnostic.Id.StartsWith("PN", StringComparison.Ordinal))
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
