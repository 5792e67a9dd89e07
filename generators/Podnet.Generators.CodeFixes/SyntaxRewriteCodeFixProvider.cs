using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Podnet.Generators.CodeFixes;

/// <summary>
/// A code fix that rewrites the syntax of the diagnostic's own document, at most one fix per diagnostic. The Roslyn
/// plumbing (the syntax root, the loop over diagnostics, the batch fixer, the equivalence key) lives here; a provider
/// only finds the node and says how to rewrite it.
/// </summary>
public abstract class SyntaxRewriteCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Rewrite(root, diagnostic) is (string title, Func<SyntaxNode> rewrite))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(rewrite())), equivalenceKey: GetType().Name),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The fix for <paramref name="diagnostic"/>: its title and the rewrite of <paramref name="root"/>, run only when
    /// the fix is applied; <see langword="null"/> when the syntax at the diagnostic is not one this provider fixes.
    /// </summary>
    protected abstract (string Title, Func<SyntaxNode> Rewrite)? Rewrite(SyntaxNode root, Diagnostic diagnostic);
}
