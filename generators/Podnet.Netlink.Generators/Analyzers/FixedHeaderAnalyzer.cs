using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>
/// Checks the <c>[NetlinkHeader]</c> member of an attribute set: at most one, an unmanaged struct (it is copied
/// byte for byte before the attributes) and assignable by the parser.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixedHeaderAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.HeaderNotUnmanagedStruct,
        DiagnosticDescriptors.MultipleHeaders,
        DiagnosticDescriptors.MemberNotSettableInstance);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NetlinkSymbols.TryCreate(start.Compilation) is { } symbols && symbols.Header is not null)
            {
                start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, symbols), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, NetlinkSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!symbols.IsAttributeSet(type))
        {
            return;
        }

        ISymbol? first = null;
        foreach (ISymbol member in type.GetMembers())
        {
            if (NetlinkSymbols.Find(member, symbols.Header) is null)
            {
                continue;
            }

            (ITypeSymbol? memberType, bool settable) = member switch
            {
                IPropertySymbol { IsIndexer: false } property =>
                    (property.Type, property.GetMethod is not null && property.SetMethod is { IsInitOnly: false }),
                IFieldSymbol field => ((ITypeSymbol?)field.Type, !field.IsReadOnly && !field.IsConst),
                _ => (null, false),
            };
            if (memberType is null)
            {
                continue;
            }

            if (first is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MultipleHeaders,
                    DiagnosticLocations.Identifier(member),
                    member.Name,
                    first.Name,
                    type.Name));
            }
            else
            {
                first = member;
            }

            if (member.IsStatic || !settable)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MemberNotSettableInstance,
                    DiagnosticLocations.Identifier(member),
                    member.Name));
            }

            if (!IsUnmanagedStruct(memberType))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.HeaderNotUnmanagedStruct,
                    DiagnosticLocations.MemberType(member, context.CancellationToken),
                    member.Name,
                    memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }
    }

    private static bool IsUnmanagedStruct(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Struct
        && type.IsUnmanagedType
        && type.SpecialType == SpecialType.None
        && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
}
