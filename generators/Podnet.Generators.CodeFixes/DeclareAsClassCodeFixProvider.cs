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

/// <summary>Fixes PN1028: declares a record attribute set (without a primary constructor) as a class.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareAsClassCodeFixProvider))]
[Shared]
public sealed class DeclareAsClassCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.AttributeSetIsRecord.Id);

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
            // A positional record has no class equivalent without rewriting its members; only plain records are fixed.
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<RecordDeclarationSyntax>().FirstOrDefault()
                    is not { ParameterList: null, OpenBraceToken.IsMissing: false } record
                || record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare '{record.Identifier.ValueText}' as a class",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(record, ToClass(record)))),
                    equivalenceKey: nameof(DeclareAsClassCodeFixProvider)),
                diagnostic);
        }
    }

    private static ClassDeclarationSyntax ToClass(RecordDeclarationSyntax record)
    {
        SyntaxTriviaList trailing = record.ClassOrStructKeyword.IsKind(SyntaxKind.None)
            ? record.Keyword.TrailingTrivia
            : record.ClassOrStructKeyword.TrailingTrivia;
        return SyntaxFactory.ClassDeclaration(
            record.AttributeLists,
            record.Modifiers,
            SyntaxFactory.Token(record.Keyword.LeadingTrivia, SyntaxKind.ClassKeyword, trailing),
            record.Identifier,
            record.TypeParameterList,
            record.BaseList,
            record.ConstraintClauses,
            record.OpenBraceToken,
            record.Members,
            record.CloseBraceToken,
            record.SemicolonToken);
    }
}
