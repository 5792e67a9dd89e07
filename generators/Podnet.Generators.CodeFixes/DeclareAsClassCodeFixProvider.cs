using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>Fixes PN1028: declares a record attribute set (without a primary constructor) as a class.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareAsClassCodeFixProvider))]
[Shared]
public sealed class DeclareAsClassCodeFixProvider : SyntaxRewriteCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.AttributeSetIsRecord.Id);

    /// <inheritdoc/>
    protected override (string Title, Func<SyntaxNode> Rewrite)? Rewrite(SyntaxNode root, Diagnostic diagnostic)
    {
        // A positional record has no class equivalent without rewriting its members; only plain records are fixed.
        if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<RecordDeclarationSyntax>().FirstOrDefault()
                is not { ParameterList: null, OpenBraceToken.IsMissing: false } record
            || record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword))
        {
            return null;
        }

        return ($"Declare '{record.Identifier.ValueText}' as a class", () => root.ReplaceNode(record, ToClass(record)));
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
