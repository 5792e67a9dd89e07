using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>
/// Fixes PN1001 and PN1003: adds <c>partial</c> to the attribute set and to every type that contains it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
[Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AttributeSetNotPartial.Id,
        DiagnosticDescriptors.ContainingTypeNotPartial.Id);

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
            TypeDeclarationSyntax? declaration = root.FindToken(diagnostic.Location.SourceSpan.Start)
                .Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null)
            {
                continue;
            }

            string title = $"Make '{declaration.Identifier.ValueText}' partial";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => MakePartialAsync(context.Document, root, declaration, cancellationToken),
                    equivalenceKey: nameof(MakePartialCodeFixProvider)),
                diagnostic);
        }
    }

    private static Task<Document> MakePartialAsync(
        Document document,
        SyntaxNode root,
        TypeDeclarationSyntax declaration,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TypeDeclarationSyntax[] chain = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToArray();
        SyntaxNode updated = root.ReplaceNodes(chain, (_, rewritten) => PartialModifier.Add(rewritten));
        return Task.FromResult(document.WithSyntaxRoot(updated));
    }
}
