using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Podnet.Generators.CodeFixes;

/// <summary>Adds the <c>partial</c> modifier to a type declaration, keeping its trivia in place.</summary>
internal static class PartialModifier
{
    public static bool Has(TypeDeclarationSyntax declaration) => declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>Returns <paramref name="declaration"/> with <c>partial</c> as its last modifier.</summary>
    public static TypeDeclarationSyntax Add(TypeDeclarationSyntax declaration)
    {
        if (Has(declaration))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count == 0)
        {
            // The keyword carries the indentation; move it to the new modifier.
            SyntaxToken keyword = declaration.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(
                keyword.LeadingTrivia,
                SyntaxKind.PartialKeyword,
                SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia())
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(
            SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
