using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

/// <summary>
/// Applies the <c>dotnet_diagnostic.ID.severity</c> entries of .editorconfig and .globalconfig files to a compilation,
/// as the compiler does when a project has them.
/// </summary>
internal sealed class AnalyzerConfigSeverities : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _configs;

    public AnalyzerConfigSeverities(params (string Path, string Text)[] files) =>
        _configs = AnalyzerConfigSet.Create(files.Select(file => AnalyzerConfig.Parse(file.Text, file.Path)).ToArray());

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

    public override bool TryGetDiagnosticValue(
        SyntaxTree tree,
        string diagnosticId,
        CancellationToken cancellationToken,
        out ReportDiagnostic severity) =>
        _configs.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(
        string diagnosticId,
        CancellationToken cancellationToken,
        out ReportDiagnostic severity) =>
        _configs.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
