using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>Fixes PN1029: removes a second <c>[NetlinkAttributeSet]</c> from another part of the same partial class.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateAttributeSetCodeFixProvider))]
[Shared]
public sealed class RemoveDuplicateAttributeSetCodeFixProvider : SyntaxRewriteCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateAttributeSetDeclaration.Id);

    /// <inheritdoc/>
    protected override (string Title, Func<SyntaxNode> Rewrite)? Rewrite(SyntaxNode root, Diagnostic diagnostic)
    {
        AttributeSyntax? attribute = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
        if (attribute?.Parent is not AttributeListSyntax list)
        {
            return null;
        }

        return ("Remove the second [NetlinkAttributeSet]", () => list.Attributes.Count == 1
            ? root.RemoveNode(list, SyntaxRemoveOptions.KeepLeadingTrivia)!
            : root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute))));
    }
}
