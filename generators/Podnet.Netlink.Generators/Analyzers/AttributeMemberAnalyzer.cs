using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>
/// Checks every <c>[NetlinkAttribute]</c> member of an attribute set: its attribute type (range, uniqueness), its
/// member type (encodable, nested sets, lists with <c>Repeated</c>), its byte order and that the parser can assign it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeMemberAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Diagnostic property with the lowest free attribute type a code fix can use instead of a colliding or
    /// out-of-range one.
    /// </summary>
    public const string FreeAttributeTypeProperty = "FreeAttributeType";

    /// <summary>Highest attribute type that leaves <c>NLA_F_NESTED</c> and <c>NLA_F_NET_BYTEORDER</c> clear.</summary>
    public const int MaxAttributeType = 0x3FFF;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateAttributeType,
        DiagnosticDescriptors.AttributeTypeOutOfRange,
        DiagnosticDescriptors.UnsupportedMemberType,
        DiagnosticDescriptors.NestedTypeNotAttributeSet,
        DiagnosticDescriptors.RepeatedOnNonList,
        DiagnosticDescriptors.ListWithoutRepeated,
        DiagnosticDescriptors.ByteOrderOnNonInteger,
        DiagnosticDescriptors.MemberNotSettableInstance);

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

    private static void Analyze(SymbolAnalysisContext context, NetlinkSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!symbols.IsAttributeSet(type))
        {
            return;
        }

        var members = new List<(IPropertySymbol Property, AttributeData Attribute)>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IPropertySymbol property && NetlinkSymbols.Find(property, symbols.Attribute) is { } attribute)
            {
                members.Add((property, attribute));
            }
        }

        AnalyzeAttributeTypes(context, members);
        foreach ((IPropertySymbol property, AttributeData attribute) in members)
        {
            AnalyzeMember(context, symbols, property, attribute);
        }
    }

    private static void AnalyzeAttributeTypes(
        SymbolAnalysisContext context,
        List<(IPropertySymbol Property, AttributeData Attribute)> members)
    {
        var used = new HashSet<int>();
        foreach ((_, AttributeData attribute) in members)
        {
            if (AttributeArguments.AttributeType(attribute) is int value and > 0 and <= MaxAttributeType)
            {
                used.Add(value);
            }
        }

        var owners = new Dictionary<int, IPropertySymbol>();
        foreach ((IPropertySymbol property, AttributeData attribute) in members)
        {
            if (AttributeArguments.AttributeType(attribute) is not int value)
            {
                continue;
            }

            Location location = DiagnosticLocations.ConstructorArgument(attribute, 0, property, context.CancellationToken);
            if (value is 0 or > MaxAttributeType)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.AttributeTypeOutOfRange,
                    location,
                    FreeTypeProperties(used, 1),
                    FormatType(value),
                    property.Name));
            }
            else if (owners.TryGetValue(value, out IPropertySymbol? owner))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateAttributeType,
                    location,
                    FreeTypeProperties(used, value + 1),
                    FormatType(value),
                    property.Name,
                    owner.Name));
            }
            else
            {
                owners.Add(value, property);
            }
        }
    }

    private static void AnalyzeMember(
        SymbolAnalysisContext context,
        NetlinkSymbols symbols,
        IPropertySymbol property,
        AttributeData attribute)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        bool repeated = AttributeArguments.IsRepeated(attribute);
        bool isList = AttributePayloadClassifier.ListElement(property.Type, symbols) is not null;

        // A repeated list may be get-only: the parser adds to the list the constructor made.
        bool assignable = property.SetMethod is { IsInitOnly: false } || (repeated && isList);
        if (property.IsStatic || property.IsIndexer || property.GetMethod is null || !assignable)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MemberNotSettableInstance,
                DiagnosticLocations.Identifier(property),
                property.Name));
        }

        if (NetlinkSymbols.Find(property, symbols.SubMessage) is not null
            || NetlinkSymbols.Find(property, symbols.SubMessageCase) is not null)
        {
            AnalyzeSubMessageMember(context, property, attribute, isList);
            return;
        }

        AttributePayloadKind kind = AttributePayloadClassifier.Classify(property.Type, symbols);
        ITypeSymbol payloadType = property.Type;
        if (kind == AttributePayloadKind.List)
        {
            if (!repeated)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ListWithoutRepeated,
                    DiagnosticLocations.Identifier(property),
                    property.Name));
            }

            payloadType = AttributePayloadClassifier.ListElement(property.Type, symbols)!;
            kind = payloadType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                ? AttributePayloadKind.Unsupported
                : AttributePayloadClassifier.Classify(payloadType, symbols);
            if (kind is AttributePayloadKind.List or AttributePayloadKind.Flag)
            {
                // A flag carries no value to repeat, elements cannot be absent, and lists do not nest.
                kind = AttributePayloadKind.Unsupported;
            }
        }
        else
        {
            if (repeated)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RepeatedOnNonList,
                    DiagnosticLocations.NamedArgument(attribute, AttributeArguments.Repeated, property, cancellationToken),
                    property.Name,
                    Display(property.Type)));
            }

            if (kind == AttributePayloadKind.Flag && property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                // A flag is present or absent: there is no third state for null.
                kind = AttributePayloadKind.Unsupported;
            }
        }

        if (kind == AttributePayloadKind.Unsupported)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnsupportedMemberType,
                DiagnosticLocations.MemberType(property, cancellationToken),
                Display(payloadType),
                property.Name));
        }
        else if (kind == AttributePayloadKind.ClassNotAttributeSet)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NestedTypeNotAttributeSet,
                DiagnosticLocations.MemberType(property, cancellationToken),
                Display(payloadType),
                property.Name));
        }
        else if (kind != AttributePayloadKind.Integer)
        {
            ReportByteOrder(context, property, attribute);
        }
    }

    /// <summary>A sub-message member holds one of its case classes: a reference type, never a list, no byte order.</summary>
    private static void AnalyzeSubMessageMember(
        SymbolAnalysisContext context,
        IPropertySymbol property,
        AttributeData attribute,
        bool isList)
    {
        if (isList || !property.Type.IsReferenceType)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnsupportedMemberType,
                DiagnosticLocations.MemberType(property, context.CancellationToken),
                Display(property.Type),
                property.Name));
        }

        ReportByteOrder(context, property, attribute);
    }

    private static void ReportByteOrder(SymbolAnalysisContext context, IPropertySymbol property, AttributeData attribute)
    {
        if (AttributeArguments.IsBigEndian(attribute))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ByteOrderOnNonInteger,
                DiagnosticLocations.NamedArgument(attribute, AttributeArguments.ByteOrder, property, context.CancellationToken),
                property.Name,
                Display(property.Type)));
        }
    }

    private static ImmutableDictionary<string, string?> FreeTypeProperties(HashSet<int> used, int start)
    {
        int free = start;
        while (free <= MaxAttributeType && used.Contains(free))
        {
            free++;
        }

        if (free > MaxAttributeType)
        {
            free = 1;
            while (free <= MaxAttributeType && used.Contains(free))
            {
                free++;
            }
        }

        return free > MaxAttributeType
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(
                FreeAttributeTypeProperty,
                free.ToString(CultureInfo.InvariantCulture));
    }

    private static string FormatType(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
