using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Generators.CodeFixes;

/// <summary>Fixes PN1017: removes a <c>ByteOrder</c> argument that has no effect on a non-integer member.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveByteOrderCodeFixProvider))]
[Shared]
public sealed class RemoveByteOrderCodeFixProvider : SyntaxRewriteCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ByteOrderOnNonInteger.Id);

    /// <inheritdoc/>
    protected override (string Title, Func<SyntaxNode> Rewrite)? Rewrite(SyntaxNode root, Diagnostic diagnostic)
    {
        AttributeArgumentSyntax? argument = root.FindNode(diagnostic.Location.SourceSpan)
            .AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
        if (argument?.Parent is not AttributeArgumentListSyntax list)
        {
            return null;
        }

        return ("Remove ByteOrder", () => root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))));
    }
}
