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

/// <summary>Fixes PN1017: removes a <c>ByteOrder</c> argument that has no effect on a non-integer member.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveByteOrderCodeFixProvider))]
[Shared]
public sealed class RemoveByteOrderCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ByteOrderOnNonInteger.Id);

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
            AttributeArgumentSyntax? argument = root.FindNode(diagnostic.Location.SourceSpan)
                .AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            if (argument?.Parent is not AttributeArgumentListSyntax list)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove ByteOrder",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))))),
                    equivalenceKey: nameof(RemoveByteOrderCodeFixProvider)),
                diagnostic);
        }
    }
}
