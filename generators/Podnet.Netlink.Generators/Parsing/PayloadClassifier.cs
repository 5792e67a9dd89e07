using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>Decides the payload encoding of one (non-nullable) C# type.</summary>
internal static class PayloadClassifier
{
    /// <summary>
    /// Classifies <paramref name="type"/>; on failure returns <see langword="null"/> with the problem in <paramref name="problem"/>.
    /// </summary>
    public static PayloadModel? Classify(ITypeSymbol type, bool bigEndian, KnownTypes known, out AttributeSetProblemKind problem)
    {
        problem = AttributeSetProblemKind.UnsupportedMemberType;
        PayloadModel? payload = ClassifyCore(type, known, ref problem);
        if (payload is null)
        {
            return null;
        }

        if (bigEndian && !payload.IsInteger)
        {
            // PN1017 is a warning: the byte order has no meaning here, so it is ignored and the member is kept.
            return payload;
        }

        return payload with { IsBigEndian = bigEndian && payload.Kind is not (PayloadKind.U8 or PayloadKind.S8) };
    }

    /// <summary>
    /// Whether an enum states its width: declared in source with an explicit underlying type (<c>enum E : byte</c>), or
    /// compiled elsewhere. An enum without one is 4 bytes by accident, whatever the kernel field is.
    /// </summary>
    public static bool DeclaresWidth(INamedTypeSymbol enumType)
    {
        if (enumType.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        foreach (SyntaxReference reference in enumType.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is EnumDeclarationSyntax { BaseList: not null })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="type"/> without a <c>Nullable&lt;T&gt;</c> around it.</summary>
    public static ITypeSymbol WithoutNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    /// <summary>The <c>global::</c>-qualified name of <paramref name="type"/> without a nullable annotation.</summary>
    public static string TypeName(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static PayloadModel? ClassifyCore(ITypeSymbol type, KnownTypes known, ref AttributeSetProblemKind problem)
    {
        string name = TypeName(type);
        if (IntegerKind(type.SpecialType) is PayloadKind integer)
        {
            return new PayloadModel(integer, name, IsEnum: false, IsBigEndian: false, ReadsWithDepth: false);
        }

        switch (type)
        {
            case { SpecialType: SpecialType.System_Boolean }:
                return Simple(PayloadKind.Flag, name);
            case { SpecialType: SpecialType.System_String }:
                return Simple(PayloadKind.String, name);
            case INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }:
                return IntegerKind(underlying.SpecialType) is PayloadKind enumKind
                    ? new PayloadModel(enumKind, name, IsEnum: true, IsBigEndian: false, ReadsWithDepth: false)
                    : null;
            case IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }:
                return Simple(PayloadKind.ByteArray, name);
            case INamedTypeSymbol { IsGenericType: true, TypeArguments: [{ SpecialType: SpecialType.System_Byte }] } memory
                when SymbolEqualityComparer.Default.Equals(memory.OriginalDefinition, known.ReadOnlyMemory):
                return Simple(PayloadKind.Memory, name);
            case INamedTypeSymbol mac when SymbolEqualityComparer.Default.Equals(mac, known.MacAddress):
                return Simple(PayloadKind.Mac, name);
            case INamedTypeSymbol address when SymbolEqualityComparer.Default.Equals(address, known.IPAddress):
                return Simple(PayloadKind.Address, name);
            case INamedTypeSymbol { TypeKind: TypeKind.Class } nested when known.IsAttributeSet(nested):
                return new PayloadModel(PayloadKind.Nested, name, IsEnum: false, IsBigEndian: false, ReadsWithDepth: known.IsInCompilation(nested));
            case INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } other when other.Locations.Any(location => location.IsInSource):
                // Only classes the user can change are reported as "missing [NetlinkAttributeSet]".
                problem = AttributeSetProblemKind.NestedTypeNotAttributeSet;
                return null;
            default:
                return null;
        }
    }

    private static PayloadModel Simple(PayloadKind kind, string name) =>
        new(kind, name, IsEnum: false, IsBigEndian: false, ReadsWithDepth: false);

    private static PayloadKind? IntegerKind(SpecialType type) => type switch
    {
        SpecialType.System_Byte => PayloadKind.U8,
        SpecialType.System_SByte => PayloadKind.S8,
        SpecialType.System_UInt16 => PayloadKind.U16,
        SpecialType.System_Int16 => PayloadKind.S16,
        SpecialType.System_UInt32 => PayloadKind.U32,
        SpecialType.System_Int32 => PayloadKind.S32,
        SpecialType.System_UInt64 => PayloadKind.U64,
        SpecialType.System_Int64 => PayloadKind.S64,
        _ => null,
    };
}
