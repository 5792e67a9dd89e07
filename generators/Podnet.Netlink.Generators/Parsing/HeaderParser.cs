using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// Checks and reads the <c>[NetlinkHeader]</c> member: at most one, settable, an unmanaged struct laid out field after
/// field like the C struct it mirrors, whose enum fields declare their width.
/// </summary>
internal static class HeaderParser
{
    private const int LayoutExplicit = 2;
    private const int LayoutAuto = 3;

    /// <summary>The header of <paramref name="type"/>, or <see langword="null"/> when it has none or it is invalid (then <paramref name="problems"/> says why).</summary>
    public static HeaderModel? Parse(INamedTypeSymbol type, ParseContext context, List<AttributeSetProblem> problems)
    {
        HeaderModel? header = null;
        ISymbol? first = null;
        foreach (ISymbol member in type.GetMembers())
        {
            if (KnownTypes.FindAttribute(member, context.Known.HeaderAttribute) is null)
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

            Location identifier = DiagnosticLocations.Identifier(member);
            if (first is not null)
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.MultipleHeaders, identifier, member.Name, first.Name, type.Name));
            }
            else
            {
                first = member;
            }

            if (member.IsStatic || !settable)
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.MemberNotSettable, identifier, member.Name));
            }

            Location typeLocation = DiagnosticLocations.MemberType(member, context.CancellationToken);
            string display = memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            if (!IsUnmanagedStruct(memberType))
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.HeaderNotUnmanagedStruct, typeLocation, member.Name, display));
                continue;
            }

            if (KnownTypes.FileLocalType(memberType) is { } fileLocal)
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.FileLocalType, typeLocation, fileLocal.Name, type.Name));
            }

            var structType = (INamedTypeSymbol)memberType;
            if (LayoutProblem(structType, context.Known, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) is { } layout)
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.HeaderLayoutNotSequential, typeLocation, member.Name, display, layout));
            }

            foreach ((string path, INamedTypeSymbol enumType) in UndeclaredEnumFields(structType, member.Name, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)))
            {
                problems.Add(new AttributeSetProblem(
                    AttributeSetProblemKind.EnumWidthNotDeclared,
                    typeLocation,
                    ImmutableArray.Create(enumType.Name, path),
                    ImmutableArray.Create(DiagnosticLocations.Identifier(enumType))));
            }

            if (SymbolEqualityComparer.Default.Equals(first, member) && !member.IsStatic && settable)
            {
                header = new HeaderModel(AttributeMemberParser.Identifier(member.Name), PayloadClassifier.TypeName(memberType));
            }
        }

        return header;
    }

    private static bool IsUnmanagedStruct(ITypeSymbol type) =>
        type is INamedTypeSymbol
        && type.TypeKind == TypeKind.Struct
        && type.IsUnmanagedType
        && type.SpecialType == SpecialType.None
        && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;

    /// <summary>Why a struct declared in source is not laid out field after field (it or a struct field in it), or <see langword="null"/>.</summary>
    private static string? LayoutProblem(INamedTypeSymbol type, KnownTypes known, HashSet<ITypeSymbol> seen)
    {
        if (!seen.Add(type) || type.DeclaringSyntaxReferences.IsEmpty)
        {
            // Structs from references were compiled (and checked) elsewhere; only source declarations are inspected.
            return null;
        }

        string name = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        int layout = KnownTypes.FindAttribute(type, known.StructLayoutAttribute) is { ConstructorArguments: [{ Value: int value }] } ? value
            : KnownTypes.FindAttribute(type, known.StructLayoutAttribute) is { ConstructorArguments: [{ Value: short shortValue }] } ? shortValue
            : 0;
        if (layout == LayoutAuto)
        {
            return "uses LayoutKind.Auto, so the runtime may reorder its fields";
        }

        IFieldSymbol[] fields = type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic && !field.IsConst).ToArray();
        if (layout == LayoutExplicit && OverlappingFields(fields, known) is { } overlap)
        {
            return $"places '{overlap.First}' and '{overlap.Second}' of '{name}' on overlapping bytes";
        }

        foreach (IFieldSymbol field in fields)
        {
            if (field.Type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } inner && LayoutProblem(inner, known, seen) is { } problem)
            {
                return problem.StartsWith("uses", System.StringComparison.Ordinal) ? $"contains '{inner.Name}', which {problem}" : problem;
            }
        }

        return null;
    }

    private static (string First, string Second)? OverlappingFields(IFieldSymbol[] fields, KnownTypes known)
    {
        var ranges = new List<(int Start, int End, string Name)>();
        foreach (IFieldSymbol field in fields)
        {
            if (KnownTypes.FindAttribute(field, known.FieldOffsetAttribute) is not { ConstructorArguments: [{ Value: int offset }] })
            {
                continue;
            }

            int size = field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer
                ? Size(pointer.PointedAtType, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) * field.FixedSize
                : Size(field.Type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));
            foreach ((int start, int end, string name) in ranges)
            {
                if (offset < end && start < offset + size)
                {
                    return (name, field.Name);
                }
            }

            ranges.Add((offset, offset + size, field.Name));
        }

        return null;
    }

    /// <summary>A lower bound of the size of a field type in bytes (padding ignored), enough to tell overlapping fields apart.</summary>
    private static int Size(ITypeSymbol type, HashSet<ITypeSymbol> seen)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Boolean:
                return 1;
            case SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char:
                return 2;
            case SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single:
                return 4;
            case SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Double:
                return 8;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return Size(underlying, seen);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Struct } structType && seen.Add(structType))
        {
            int total = 0;
            foreach (IFieldSymbol field in structType.GetMembers().OfType<IFieldSymbol>())
            {
                if (!field.IsStatic && !field.IsConst)
                {
                    total += field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer ? Size(pointer.PointedAtType, seen) * field.FixedSize : Size(field.Type, seen);
                }
            }

            return System.Math.Max(total, 1);
        }

        return 1;
    }

    /// <summary>Enum fields (also inside struct fields) whose enum is declared in source without an underlying type.</summary>
    private static IEnumerable<(string Path, INamedTypeSymbol Enum)> UndeclaredEnumFields(INamedTypeSymbol type, string path, HashSet<ITypeSymbol> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsStatic || field.IsConst)
            {
                continue;
            }

            string fieldPath = path + "." + (field.AssociatedSymbol?.Name ?? field.Name);
            if (field.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && !PayloadClassifier.DeclaresWidth(enumType))
            {
                yield return (fieldPath, enumType);
            }
            else if (field.Type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } inner)
            {
                foreach ((string Path, INamedTypeSymbol Enum) nested in UndeclaredEnumFields(inner, fieldPath, seen))
                {
                    yield return nested;
                }
            }
        }
    }
}
