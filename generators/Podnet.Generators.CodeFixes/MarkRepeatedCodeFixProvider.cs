using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>Fixes PN1016: sets <c>Repeated = true</c> on the <c>[NetlinkAttribute]</c> of a <c>List&lt;T&gt;</c> member.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkRepeatedCodeFixProvider))]
[Shared]
public sealed class MarkRepeatedCodeFixProvider : CodeFixProvider
{
    private const string Repeated = "Repeated";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ListWithoutRepeated.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            PropertyDeclarationSyntax? property = root.FindToken(diagnostic.Location.SourceSpan.Start)
                .Parent?.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault();
            AttributeSyntax? attribute = property is null
                ? null
                : NetlinkAttributeSyntax.Find(property.AttributeLists, model, context.CancellationToken);
            if (attribute is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set Repeated = true",
                    cancellationToken => Task.FromResult(
                        context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, MarkRepeated(attribute)))),
                    equivalenceKey: nameof(MarkRepeatedCodeFixProvider)),
                diagnostic);
        }
    }

    private static AttributeSyntax MarkRepeated(AttributeSyntax attribute)
    {
        ExpressionSyntax trueLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        AttributeArgumentListSyntax arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        AttributeArgumentSyntax? existing = arguments.Arguments
            .FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == Repeated);
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing.Expression, trueLiteral.WithTriviaFrom(existing.Expression));
        }

        AttributeArgumentSyntax repeated = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(
                SyntaxFactory.IdentifierName(Repeated),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            nameColon: null,
            trueLiteral);
        SyntaxNodeOrTokenList items = arguments.Arguments.GetWithSeparators();
        if (items.Count > 0)
        {
            items = items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        items = items.Add(repeated);
        return attribute.WithArgumentList(
            arguments.WithArguments(SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(items)));
    }
}
