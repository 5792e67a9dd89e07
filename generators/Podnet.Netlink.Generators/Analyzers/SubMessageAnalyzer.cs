using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>
/// Checks <c>[NetlinkSubMessage]</c> members: the selector is a sibling string attribute, every case type is an
/// attribute set that fits the member, and no selector value appears twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SubMessageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SubMessageSelectorNotFound,
        DiagnosticDescriptors.SubMessageSelectorNotStringAttribute,
        DiagnosticDescriptors.SubMessageCaseNotAttributeSet,
        DiagnosticDescriptors.SubMessageCaseNotAssignable,
        DiagnosticDescriptors.DuplicateSubMessageCase,
        DiagnosticDescriptors.IncompleteSubMessage);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NetlinkSymbols.TryCreate(start.Compilation) is { } symbols && symbols.SubMessage is not null)
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

        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IPropertySymbol property)
            {
                AnalyzeProperty(context, symbols, type, property);
            }
        }
    }

    private static void AnalyzeProperty(
        SymbolAnalysisContext context,
        NetlinkSymbols symbols,
        INamedTypeSymbol type,
        IPropertySymbol property)
    {
        AttributeData? subMessage = NetlinkSymbols.Find(property, symbols.SubMessage);
        ImmutableArray<AttributeData> cases = property.GetAttributes()
            .Where(attribute => NetlinkSymbols.IsClass(attribute, symbols.SubMessageCase))
            .ToImmutableArray();
        if (subMessage is null && cases.IsEmpty)
        {
            return;
        }

        if (subMessage is null || cases.IsEmpty || NetlinkSymbols.Find(property, symbols.Attribute) is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.IncompleteSubMessage,
                DiagnosticLocations.Identifier(property),
                property.Name));
        }

        if (subMessage is null)
        {
            return;
        }

        AnalyzeSelector(context, symbols, type, property, subMessage);
        AnalyzeCases(context, symbols, property, cases);
    }

    private static void AnalyzeSelector(
        SymbolAnalysisContext context,
        NetlinkSymbols symbols,
        INamedTypeSymbol type,
        IPropertySymbol property,
        AttributeData subMessage)
    {
        if (AttributeArguments.Positional(subMessage, 0) is not { Value: string selector })
        {
            return;
        }

        Location location = DiagnosticLocations.ConstructorArgument(subMessage, 0, property, context.CancellationToken);
        ISymbol? target = FindMember(type, selector);
        if (target is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SubMessageSelectorNotFound,
                location,
                selector,
                property.Name,
                type.Name));
        }
        else if (target is not IPropertySymbol { Type.SpecialType: SpecialType.System_String, IsStatic: false } selectorProperty
            || NetlinkSymbols.Find(selectorProperty, symbols.Attribute) is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SubMessageSelectorNotStringAttribute,
                location,
                selector,
                property.Name));
        }
    }

    private static void AnalyzeCases(
        SymbolAnalysisContext context,
        NetlinkSymbols symbols,
        IPropertySymbol property,
        ImmutableArray<AttributeData> cases)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (AttributeData @case in cases)
        {
            if (AttributeArguments.Positional(@case, 0) is not { Value: string value })
            {
                continue;
            }

            if (!values.Add(value))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateSubMessageCase,
                    DiagnosticLocations.ConstructorArgument(@case, 0, property, cancellationToken),
                    value,
                    property.Name));
            }

            if (AttributeArguments.Positional(@case, 1) is not { Value: ITypeSymbol caseType })
            {
                continue;
            }

            Location typeLocation = DiagnosticLocations.ConstructorArgument(@case, 1, property, cancellationToken);
            string caseTypeName = caseType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            if (!symbols.IsAttributeSet(caseType))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.SubMessageCaseNotAttributeSet,
                    typeLocation,
                    value,
                    property.Name,
                    caseTypeName));
            }
            else if (!IsAssignable(symbols.Compilation, caseType, property.Type))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.SubMessageCaseNotAssignable,
                    typeLocation,
                    value,
                    property.Name,
                    caseTypeName,
                    property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
                        .ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }
    }

    /// <summary>The selector is a sibling: a member declared in the set itself, not in a base class.</summary>
    private static ISymbol? FindMember(INamedTypeSymbol type, string name) => type.GetMembers(name).FirstOrDefault();

    private static bool IsAssignable(Compilation compilation, ITypeSymbol source, ITypeSymbol destination)
    {
        Microsoft.CodeAnalysis.Operations.CommonConversion conversion = compilation.ClassifyCommonConversion(source, destination);
        return conversion.IsIdentity || (conversion.IsImplicit && conversion.IsReference);
    }
}
