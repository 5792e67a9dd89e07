using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Analyzers;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>
/// Fixes PN1004 and PN1005: replaces a duplicate or out-of-range attribute type with a free one of the same set
/// (the next free number after a duplicate, the lowest free number for an out-of-range type).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseFreeAttributeTypeCodeFixProvider))]
[Shared]
public sealed class UseFreeAttributeTypeCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateAttributeType.Id,
        DiagnosticDescriptors.AttributeTypeOutOfRange.Id);

    // Two fixes computed independently could pick the same number, so there is no fix-all.

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

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
            if (!diagnostic.Properties.TryGetValue(AttributeSetAnalyzer.FreeAttributeTypeProperty, out string? text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int free))
            {
                continue;
            }

            AttributeArgumentSyntax? argument = root.FindNode(diagnostic.Location.SourceSpan)
                .AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            if (argument is null)
            {
                continue;
            }

            LiteralExpressionSyntax literal = Literal(free, argument.Expression).WithTriviaFrom(argument.Expression);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use free attribute type {literal.Token.Text}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, literal))),
                    equivalenceKey: nameof(UseFreeAttributeTypeCodeFixProvider)),
                diagnostic);
        }
    }

    private static LiteralExpressionSyntax Literal(int value, ExpressionSyntax original)
    {
        // Keep the author's notation: sets written in hex stay in hex.
        bool hex = original is LiteralExpressionSyntax { Token.Text: { } text }
            && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        SyntaxToken token = hex
            ? SyntaxFactory.Literal("0x" + value.ToString("X", CultureInfo.InvariantCulture), value)
            : SyntaxFactory.Literal(value);
        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, token);
    }
}
