using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Diagnostics;
using Podnet.Netlink.Generators.Parsing;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>
/// Checks netlink markers on types that are not attribute sets, which the generator never sees: a
/// <c>[NetlinkMessage]</c> without <c>[NetlinkAttributeSet]</c>, and <c>[NetlinkAttribute]</c> or
/// <c>[NetlinkHeader]</c> members that nothing reads or writes. Attribute sets themselves are checked by
/// <see cref="AttributeSetAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeSetDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MessageWithoutAttributeSet,
        DiagnosticDescriptors.MemberOutsideAttributeSet);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = new KnownTypes(start.Compilation);
            if (known.AttributeSetAttribute is not null)
            {
                start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, known), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (known.IsAttributeSet(type))
        {
            return;
        }

        if (KnownTypes.FindAttribute(type, known.MessageAttribute) is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MessageWithoutAttributeSet,
                DiagnosticLocations.Identifier(type),
                type.Name));
        }

        foreach (ISymbol member in type.GetMembers())
        {
            string? marker = KnownTypes.FindAttribute(member, known.AttributeAttribute) is not null ? "NetlinkAttribute"
                : KnownTypes.FindAttribute(member, known.HeaderAttribute) is not null ? "NetlinkHeader"
                : null;
            if (marker is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MemberOutsideAttributeSet,
                    DiagnosticLocations.Identifier(member),
                    member.Name,
                    marker,
                    type.Name));
            }
        }
    }
}
