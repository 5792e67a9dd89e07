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

/// <summary>Fixes PN1027 on a file-local set or container: replaces its <c>file</c> modifier with <c>internal</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeInternalCodeFixProvider))]
[Shared]
public sealed class MakeInternalCodeFixProvider : SyntaxRewriteCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.FileLocalType.Id);

    /// <inheritdoc/>
    protected override (string Title, Func<SyntaxNode> Rewrite)? Rewrite(SyntaxNode root, Diagnostic diagnostic)
    {
        SyntaxToken identifier = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (identifier.Parent is not BaseTypeDeclarationSyntax declaration || declaration.Identifier != identifier)
        {
            return null;
        }

        SyntaxToken file = declaration.Modifiers.FirstOrDefault(modifier => modifier.IsKind(SyntaxKind.FileKeyword));
        if (file.IsKind(SyntaxKind.None))
        {
            return null;
        }

        SyntaxToken replacement = SyntaxFactory.Token(file.LeadingTrivia, SyntaxKind.InternalKeyword, file.TrailingTrivia);
        return ($"Make '{identifier.ValueText}' internal", () => root.ReplaceToken(file, replacement));
    }
}
