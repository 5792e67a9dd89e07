using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Podnet.Packages.Tests;

/// <summary>
/// The Roslyn components of one package, loaded from its <c>analyzers/dotnet/cs</c> folder the way a compiler or IDE
/// loads them: in a load context of their own, sharing only Roslyn itself with the host.
/// </summary>
internal sealed class PackageAnalyzers
{
    public PackageAnalyzers(string packageRoot)
    {
        string folder = Path.Combine(packageRoot, "analyzers", "dotnet", "cs");
        var context = new FolderLoadContext(folder);
        Type[] types = [.. Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal)
            .Select(context.LoadFromAssemblyPath)
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsAbstract: false, IsClass: true })];
        Analyzers = [.. types
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];
        CodeFixes = [.. types
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)];
        Generators = [.. types
            .Where(type => typeof(IIncrementalGenerator).IsAssignableFrom(type) && type.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(type => ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator())];
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> CodeFixes { get; }

    public ImmutableArray<ISourceGenerator> Generators { get; }

    /// <summary>Every descriptor the analyzers support.</summary>
    public IEnumerable<DiagnosticDescriptor> Descriptors => Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics);

    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext($"package analyzers {folder}")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Roslyn comes from the host, as in the compiler; everything else the package brings comes from its folder.
            string candidate = Path.Combine(folder, assemblyName.Name + ".dll");
            return !assemblyName.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && File.Exists(candidate)
                ? LoadFromAssemblyPath(candidate)
                : null;
        }
    }
}
