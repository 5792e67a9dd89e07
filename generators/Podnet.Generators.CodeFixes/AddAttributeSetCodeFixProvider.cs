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

/// <summary>
/// Fixes PN1007 and PN1021: marks the class that should be an attribute set with <c>[NetlinkAttributeSet]</c> and
/// makes it (and its containing types) partial. For PN1007 that is the member's class, for PN1021 the member's owner.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAttributeSetCodeFixProvider))]
[Shared]
public sealed class AddAttributeSetCodeFixProvider : CodeFixProvider
{
    private const string AttributeMetadataName = "Podnet.Netlink.NetlinkAttributeSetAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NestedTypeNotAttributeSet.Id,
        DiagnosticDescriptors.MemberOutsideAttributeSet.Id);

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
            INamedTypeSymbol? target = FindTarget(diagnostic, root, model, context.CancellationToken);
            if (target?.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mark '{target.Name}' as [NetlinkAttributeSet]",
                    cancellationToken => MarkAsync(context.Document.Project.Solution, reference, cancellationToken),
                    equivalenceKey: nameof(AddAttributeSetCodeFixProvider)),
                diagnostic);
        }
    }

    private static INamedTypeSymbol? FindTarget(
        Diagnostic diagnostic,
        SyntaxNode root,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
        if (diagnostic.Id == DiagnosticDescriptors.MemberOutsideAttributeSet.Id)
        {
            TypeDeclarationSyntax? owner = node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            return owner is null ? null : model.GetDeclaredSymbol(owner, cancellationToken);
        }

        ITypeSymbol? type = model.GetTypeInfo(node, cancellationToken).Type;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list
            && list.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.List<T>")
        {
            type = list.TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Class } named
            ? (INamedTypeSymbol)named.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
            : null;
    }

    private static async Task<Solution> MarkAsync(Solution solution, SyntaxReference reference, CancellationToken cancellationToken)
    {
        Document? document = solution.GetDocument(reference.SyntaxTree);
        SyntaxNode? root = await reference.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = document is null
            ? null
            : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (document is null || model is null
            || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not TypeDeclarationSyntax declaration)
        {
            return solution;
        }

        string attributeName = AttributeName(model, declaration.SpanStart);
        string endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
        TypeDeclarationSyntax[] chain = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToArray();
        SyntaxNode updated = root.ReplaceNodes(chain, (original, rewritten) =>
        {
            TypeDeclarationSyntax partial = PartialModifier.Add(rewritten);
            return original == declaration
                ? AddAttribute(partial, attributeName, endOfLine.Length == 0 ? "\n" : endOfLine)
                : partial;
        });
        return solution.WithDocumentSyntaxRoot(document.Id, updated);
    }

    /// <summary>The shortest name that binds to the attribute where it is inserted.</summary>
    private static string AttributeName(SemanticModel model, int position)
    {
        INamedTypeSymbol? attribute = model.Compilation.GetTypeByMetadataName(AttributeMetadataName);
        bool inScope = attribute is not null && model
            .LookupNamespacesAndTypes(position, name: attribute.Name)
            .Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, attribute));
        return inScope ? "NetlinkAttributeSet" : "Podnet.Netlink.NetlinkAttributeSet";
    }

    private static TypeDeclarationSyntax AddAttribute(TypeDeclarationSyntax declaration, string name, string endOfLine)
    {
        SyntaxTriviaList leading = declaration.GetLeadingTrivia();
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(
            leading.Reverse().TakeWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        AttributeListSyntax list = SyntaxFactory.AttributeList(
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName(name))))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine));
        if (declaration.AttributeLists.Count > 0)
        {
            return declaration.WithAttributeLists(declaration.AttributeLists.Add(list.WithLeadingTrivia(indentation)));
        }

        return declaration
            .WithLeadingTrivia(indentation)
            .WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(leading)));
    }
}
