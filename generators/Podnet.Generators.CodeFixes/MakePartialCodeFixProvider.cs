using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>
/// Fixes PN1001 and PN1003: adds <c>partial</c> to the attribute set and to every type that contains it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
[Shared]
public sealed class MakePartialCodeFixProvider : SyntaxRewriteCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AttributeSetNotPartial.Id,
        DiagnosticDescriptors.ContainingTypeNotPartial.Id);

    /// <inheritdoc/>
    protected override (string Title, Func<SyntaxNode> Rewrite)? Rewrite(SyntaxNode root, Diagnostic diagnostic)
    {
        TypeDeclarationSyntax? declaration = root.FindToken(diagnostic.Location.SourceSpan.Start)
            .Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (declaration is null)
        {
            return null;
        }

        return ($"Make '{declaration.Identifier.ValueText}' partial", () =>
        {
            TypeDeclarationSyntax[] chain = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToArray();
            return root.ReplaceNodes(chain, (_, rewritten) => PartialModifier.Add(rewritten));
        });
    }
}
