using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>Fixes PN1027 on a file-local set or container: replaces its <c>file</c> modifier with <c>internal</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeInternalCodeFixProvider))]
[Shared]
public sealed class MakeInternalCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.FileLocalType.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            SyntaxToken identifier = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (identifier.Parent is not BaseTypeDeclarationSyntax declaration || declaration.Identifier != identifier)
            {
                continue;
            }

            SyntaxToken file = declaration.Modifiers.FirstOrDefault(modifier => modifier.IsKind(SyntaxKind.FileKeyword));
            if (file.IsKind(SyntaxKind.None))
            {
                continue;
            }

            SyntaxToken replacement = SyntaxFactory.Token(file.LeadingTrivia, SyntaxKind.InternalKeyword, file.TrailingTrivia);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{identifier.ValueText}' internal",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(file, replacement))),
                    equivalenceKey: nameof(MakeInternalCodeFixProvider)),
                diagnostic);
        }
    }
}
