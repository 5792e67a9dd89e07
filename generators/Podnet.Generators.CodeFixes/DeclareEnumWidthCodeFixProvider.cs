using System.Collections.Generic;
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
/// Fixes PN1024: declares the underlying type of an enum that goes on the wire. It offers one action per integer type
/// that holds every value of the enum, narrowest first, because only the kernel header knows which width is right.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareEnumWidthCodeFixProvider))]
[Shared]
public sealed class DeclareEnumWidthCodeFixProvider : CodeFixProvider
{
    private static readonly (string Keyword, SyntaxKind Kind, decimal Min, decimal Max)[] Widths =
    [
        ("byte", SyntaxKind.ByteKeyword, byte.MinValue, byte.MaxValue),
        ("ushort", SyntaxKind.UShortKeyword, ushort.MinValue, ushort.MaxValue),
        ("uint", SyntaxKind.UIntKeyword, uint.MinValue, uint.MaxValue),
        ("ulong", SyntaxKind.ULongKeyword, ulong.MinValue, ulong.MaxValue),
        ("sbyte", SyntaxKind.SByteKeyword, sbyte.MinValue, sbyte.MaxValue),
        ("short", SyntaxKind.ShortKeyword, short.MinValue, short.MaxValue),
        ("int", SyntaxKind.IntKeyword, int.MinValue, int.MaxValue),
        ("long", SyntaxKind.LongKeyword, long.MinValue, long.MaxValue),
    ];

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.EnumWidthNotDeclared.Id);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } tree } location
                || context.Document.Project.Solution.GetDocument(tree) is not { } enumDocument)
            {
                continue;
            }

            SyntaxNode root = await tree.GetRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root.FindToken(location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<EnumDeclarationSyntax>().FirstOrDefault() is not { BaseList: null } declaration)
            {
                continue;
            }

            SemanticModel? model = await enumDocument.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol enumType)
            {
                continue;
            }

            List<decimal> values = Values(enumType);
            foreach ((string keyword, SyntaxKind kind, decimal min, decimal max) in Widths)
            {
                if (values.All(value => value >= min && value <= max))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Declare 'enum {enumType.Name} : {keyword}'",
                            cancellationToken => Declare(enumDocument, declaration, kind, cancellationToken),
                            equivalenceKey: nameof(DeclareEnumWidthCodeFixProvider) + keyword),
                        diagnostic);
                }
            }
        }
    }

    private static List<decimal> Values(INamedTypeSymbol enumType)
    {
        var values = new List<decimal>();
        foreach (IFieldSymbol field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is { } value)
            {
                values.Add(System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return values;
    }

    private static async Task<Solution> Declare(Document document, EnumDeclarationSyntax declaration, SyntaxKind kind, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        SyntaxToken identifier = declaration.Identifier;
        BaseListSyntax baseList = SyntaxFactory.BaseList(
                SyntaxFactory.SingletonSeparatedList<BaseTypeSyntax>(SyntaxFactory.SimpleBaseType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(kind)))))
            .WithColonToken(SyntaxFactory.Token(SyntaxKind.ColonToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(identifier.TrailingTrivia);
        EnumDeclarationSyntax changed = declaration
            .WithIdentifier(identifier.WithTrailingTrivia())
            .WithBaseList(baseList);
        return document.Project.Solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(declaration, changed));
    }
}
