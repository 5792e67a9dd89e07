using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>Fixes PN1029: removes a second <c>[NetlinkAttributeSet]</c> from another part of the same partial class.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateAttributeSetCodeFixProvider))]
[Shared]
public sealed class RemoveDuplicateAttributeSetCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateAttributeSetDeclaration.Id);

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
            AttributeSyntax? attribute = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            if (attribute?.Parent is not AttributeListSyntax list)
            {
                continue;
            }

            SyntaxNode updated = list.Attributes.Count == 1
                ? root.RemoveNode(list, SyntaxRemoveOptions.KeepLeadingTrivia)!
                : root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the second [NetlinkAttributeSet]",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(updated)),
                    equivalenceKey: nameof(RemoveDuplicateAttributeSetCodeFixProvider)),
                diagnostic);
        }
    }
}
