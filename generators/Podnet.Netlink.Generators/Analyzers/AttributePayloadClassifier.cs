using System.Linq;
using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>Decides how a member type maps to a netlink payload, following <c>NetlinkAttributeAttribute</c>'s rules.</summary>
internal static class AttributePayloadClassifier
{
    /// <summary>Classifies <paramref name="type"/>; nullable value types are optional members of their underlying type.</summary>
    public static AttributePayloadKind Classify(ITypeSymbol type, NetlinkSymbols symbols)
    {
        type = WithoutNullable(type);
        switch (type.SpecialType)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return AttributePayloadKind.Integer;
            case SpecialType.System_Boolean:
                return AttributePayloadKind.Flag;
            case SpecialType.System_String:
                return AttributePayloadKind.String;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return Classify(underlying, symbols);
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return AttributePayloadKind.Binary;
        }

        if (type is not INamedTypeSymbol named)
        {
            return AttributePayloadKind.Unsupported;
        }

        if (IsConstructedFrom(named, symbols.ReadOnlyMemory))
        {
            return named.TypeArguments[0].SpecialType == SpecialType.System_Byte
                ? AttributePayloadKind.Binary
                : AttributePayloadKind.Unsupported;
        }

        if (IsConstructedFrom(named, symbols.List))
        {
            return AttributePayloadKind.List;
        }

        if (SymbolEqualityComparer.Default.Equals(named, symbols.MacAddress))
        {
            return AttributePayloadKind.MacAddress;
        }

        if (SymbolEqualityComparer.Default.Equals(named, symbols.IpAddress))
        {
            return AttributePayloadKind.IpAddress;
        }

        if (named.TypeKind == TypeKind.Class)
        {
            if (symbols.IsAttributeSet(named))
            {
                return AttributePayloadKind.NestedSet;
            }

            // Only classes the user can change are reported as "missing [NetlinkAttributeSet]".
            if (named.Locations.Any(location => location.IsInSource))
            {
                return AttributePayloadKind.ClassNotAttributeSet;
            }
        }

        return AttributePayloadKind.Unsupported;
    }

    /// <summary>The element type of a <c>List&lt;T&gt;</c> member, or <see langword="null"/>.</summary>
    public static ITypeSymbol? ListElement(ITypeSymbol type, NetlinkSymbols symbols) =>
        WithoutNullable(type) is INamedTypeSymbol named && IsConstructedFrom(named, symbols.List)
            ? named.TypeArguments[0]
            : null;

    public static ITypeSymbol WithoutNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static bool IsConstructedFrom(INamedTypeSymbol type, INamedTypeSymbol? definition) =>
        definition is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);
}
