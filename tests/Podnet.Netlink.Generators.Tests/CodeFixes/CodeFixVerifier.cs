using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Podnet.Netlink.Generators.Tests.Diagnostics;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

/// <summary>
/// Applies a code fix in an <see cref="AdhocWorkspace"/>: finds the diagnostic with the analyzers, asks the provider for
/// its single action (or the one titled <c>actionTitle</c>), applies it and compares the whole document text.
/// </summary>
internal static class CodeFixVerifier
{
    public static async Task<string> VerifyAsync(
        CodeFixProvider provider,
        string diagnosticId,
        string before,
        string after,
        int diagnosticIndex = 0,
        string? actionTitle = null)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Assert.Contains(diagnosticId, provider.FixableDiagnosticIds);
        using var workspace = new AdhocWorkspace();
        ProjectId projectId = ProjectId.CreateNewId();
        DocumentId documentId = DocumentId.CreateNewId(projectId);
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "NetlinkTests",
                "NetlinkTests",
                LanguageNames.CSharp,
                compilationOptions: NetlinkTestCompilation.CompilationOptions,
                parseOptions: NetlinkTestCompilation.ParseOptions,
                metadataReferences: NetlinkTestCompilation.References))
            .AddDocument(
                DocumentId.CreateNewId(projectId),
                "GlobalUsings.cs",
                SourceText.From(NetlinkTestCompilation.GlobalUsings),
                filePath: "/src/GlobalUsings.cs")
            .AddDocument(documentId, "Test.cs", SourceText.From(before), filePath: NetlinkTestCompilation.SourcePath);

        await Parity.ParityCheck.VerifyAsync(before);
        await Parity.ParityCheck.VerifyAsync(after);
        ImmutableArray<Diagnostic> found = await DiagnosticsAsync(solution.GetDocument(documentId)!, diagnosticId, cancellationToken);
        Assert.True(found.Length > diagnosticIndex, $"{diagnosticId} was not reported {diagnosticIndex + 1} time(s).");

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(
            solution.GetDocument(documentId)!,
            found[diagnosticIndex],
            (action, _) => actions.Add(action),
            cancellationToken);
        await provider.RegisterCodeFixesAsync(context);
        CodeAction fix = actionTitle is null ? Assert.Single(actions) : Assert.Single(actions, action => action.Title == actionTitle);

        ImmutableArray<CodeActionOperation> operations = await fix.GetOperationsAsync(cancellationToken);
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        Document fixedDocument = changed.GetDocument(documentId)!;
        Assert.Equal(after, (await fixedDocument.GetTextAsync(cancellationToken)).ToString());

        Compilation compilation = (await fixedDocument.Project.GetCompilationAsync(cancellationToken))!;
        Assert.DoesNotContain(
            compilation.GetDiagnostics(cancellationToken),
            diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        ImmutableArray<Diagnostic> remaining = await DiagnosticsAsync(fixedDocument, diagnosticId, cancellationToken);
        Assert.True(remaining.Length < found.Length, $"The fix left all {found.Length} {diagnosticId} diagnostic(s).");
        return fix.Title;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(
        Document document,
        string diagnosticId,
        CancellationToken cancellationToken)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync(cancellationToken))!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(NetlinkTestCompilation.Analyzers)
            .GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics
            .Where(diagnostic => diagnostic.Id == diagnosticId)
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToImmutableArray();
    }
}
