using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>
/// Checks the declarations that carry <c>[NetlinkAttributeSet]</c> or <c>[NetlinkMessage]</c>: partial, a concrete
/// non-generic class, partial containing types, message types present; and members marked outside any set.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeSetDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AttributeSetNotPartial,
        DiagnosticDescriptors.AttributeSetNotConcreteClass,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.MessageWithoutAttributeSet,
        DiagnosticDescriptors.MessageWithoutTypes,
        DiagnosticDescriptors.MemberOutsideAttributeSet,
        DiagnosticDescriptors.AttributeSetDerivesFromAttributeSet);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NetlinkSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, symbols), SymbolKind.NamedType);
            }
        });
    }

    /// <summary>Whether every declaration of <paramref name="type"/> in source carries <c>partial</c>.</summary>
    internal static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static void Analyze(SymbolAnalysisContext context, NetlinkSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        CancellationToken cancellationToken = context.CancellationToken;
        bool isAttributeSet = symbols.IsAttributeSet(type);

        if (isAttributeSet)
        {
            AnalyzeAttributeSet(context, type);
            ReportAttributeSetBase(context, type, symbols);
        }
        else
        {
            ReportMembersOutsideSet(context, type, symbols);
        }

        if (NetlinkSymbols.Find(type, symbols.Message) is { } message)
        {
            if (!isAttributeSet)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MessageWithoutAttributeSet,
                    DiagnosticLocations.Identifier(type),
                    type.Name));
            }

            if (AttributeArguments.ArrayValues(message, 1).IsEmpty)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MessageWithoutTypes,
                    DiagnosticLocations.Attribute(message, type, cancellationToken),
                    type.Name));
            }
        }
    }

    private static void AnalyzeAttributeSet(SymbolAnalysisContext context, INamedTypeSymbol type)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        bool hasParameterlessConstructor = type.InstanceConstructors.Any(constructor => constructor.Parameters.Length == 0);
        if (type.TypeKind != TypeKind.Class || type.IsGenericType || type.IsAbstract || type.IsStatic || !hasParameterlessConstructor)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AttributeSetNotConcreteClass,
                DiagnosticLocations.Identifier(type),
                type.Name));
        }

        if (!IsPartial(type, cancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AttributeSetNotPartial,
                DiagnosticLocations.Identifier(type),
                type.Name));
        }

        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (!IsPartial(container, cancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ContainingTypeNotPartial,
                    DiagnosticLocations.Identifier(container),
                    additionalLocations: new[] { DiagnosticLocations.Identifier(type) },
                    container.Name,
                    type.Name));
            }
        }
    }

    private static void ReportAttributeSetBase(SymbolAnalysisContext context, INamedTypeSymbol type, NetlinkSymbols symbols)
    {
        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (symbols.IsAttributeSet(baseType))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.AttributeSetDerivesFromAttributeSet,
                    BaseTypeLocation(type, context.CancellationToken),
                    type.Name,
                    baseType.Name));
                return;
            }
        }
    }

    /// <summary>The base class in the declaration's base list (the first entry of a class's base list is its base class).</summary>
    private static Location BaseTypeLocation(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types }
                && RightmostName(types[0].Type) == type.BaseType?.Name)
            {
                return types[0].GetLocation();
            }
        }

        return DiagnosticLocations.Identifier(type);
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static void ReportMembersOutsideSet(SymbolAnalysisContext context, INamedTypeSymbol type, NetlinkSymbols symbols)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            string? marker = NetlinkSymbols.Find(member, symbols.Attribute) is not null ? "NetlinkAttribute"
                : NetlinkSymbols.Find(member, symbols.Header) is not null ? "NetlinkHeader"
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
