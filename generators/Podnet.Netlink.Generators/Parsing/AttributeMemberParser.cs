using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// Checks every <c>[NetlinkAttribute]</c> property of a set (attribute type range and uniqueness, encodable type,
/// lists with <c>Repeated</c>, byte order, assignability, enum widths, nested sets) and reads it into an
/// <see cref="AttributeMemberModel"/>; the sub-message part is left to <see cref="SubMessageParser"/>.
/// </summary>
internal static class AttributeMemberParser
{
    /// <summary>Diagnostic property with the lowest free attribute type a code fix can use instead of a colliding or out-of-range one.</summary>
    public const string FreeAttributeTypeProperty = "FreeAttributeType";

    /// <summary>Highest attribute type that leaves <c>NLA_F_NESTED</c> and <c>NLA_F_NET_BYTEORDER</c> clear.</summary>
    public const int MaxAttributeType = 0x3FFF;

    /// <summary>Checks and reads the attribute members of <paramref name="set"/>; members with a problem are left out.</summary>
    public static List<AttributeMemberModel> ParseAll(INamedTypeSymbol set, ParseContext context, List<AttributeSetProblem> problems)
    {
        var members = new List<(IPropertySymbol Property, AttributeData Attribute)>();
        foreach (ISymbol member in set.GetMembers())
        {
            if (member is IPropertySymbol property && KnownTypes.FindAttribute(property, context.Known.AttributeAttribute) is { } attribute)
            {
                members.Add((property, attribute));
            }
        }

        HashSet<IPropertySymbol> badTypes = CheckAttributeTypes(members, context, problems);
        var models = new List<AttributeMemberModel>();
        foreach ((IPropertySymbol property, AttributeData attribute) in members)
        {
            int before = ErrorCount(problems);
            AttributeMemberModel? model = Parse(set, property, attribute, context, problems);
            if (model is not null && ErrorCount(problems) == before && !badTypes.Contains(property))
            {
                models.Add(model);
            }
        }

        return models;
    }

    /// <summary>How many of <paramref name="problems"/> are errors.</summary>
    internal static int ErrorCount(List<AttributeSetProblem> problems)
    {
        int count = 0;
        foreach (AttributeSetProblem problem in problems)
        {
            count += Diagnostics.ProblemDescriptors.IsError(problem.Kind) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The name as a C# identifier, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static HashSet<IPropertySymbol> CheckAttributeTypes(
        List<(IPropertySymbol Property, AttributeData Attribute)> members,
        ParseContext context,
        List<AttributeSetProblem> problems)
    {
        var used = new HashSet<int>();
        foreach ((_, AttributeData attribute) in members)
        {
            if (AttributeArguments.AttributeType(attribute) is int value and > 0 and <= MaxAttributeType)
            {
                used.Add(value);
            }
        }

        var bad = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
        var owners = new Dictionary<int, IPropertySymbol>();
        foreach ((IPropertySymbol property, AttributeData attribute) in members)
        {
            if (AttributeArguments.AttributeType(attribute) is not int value)
            {
                // The compiler reports the malformed attribute itself.
                bad.Add(property);
                continue;
            }

            Location location = DiagnosticLocations.ConstructorArgument(attribute, 0, property, context.CancellationToken);
            if (value is 0 or > MaxAttributeType)
            {
                bad.Add(property);
                problems.Add(new AttributeSetProblem(
                    AttributeSetProblemKind.AttributeTypeOutOfRange,
                    location,
                    ImmutableArray.Create(Format(value), property.Name),
                    Properties: FreeTypeProperties(used, 1)));
            }
            else if (owners.TryGetValue(value, out IPropertySymbol? owner))
            {
                bad.Add(property);
                problems.Add(new AttributeSetProblem(
                    AttributeSetProblemKind.DuplicateAttributeType,
                    location,
                    ImmutableArray.Create(Format(value), property.Name, owner.Name),
                    Properties: FreeTypeProperties(used, value + 1)));
            }
            else
            {
                owners.Add(value, property);
            }
        }

        return bad;
    }

    private static AttributeMemberModel? Parse(INamedTypeSymbol set, IPropertySymbol property, AttributeData attribute, ParseContext context, List<AttributeSetProblem> problems)
    {
        KnownTypes known = context.Known;
        bool repeated = AttributeArguments.IsRepeated(attribute);
        bool indexed = AttributeArguments.IsIndexedArray(attribute);
        bool bigEndian = AttributeArguments.IsBigEndian(attribute);
        INamedTypeSymbol? list = AsList(PayloadClassifier.WithoutNullable(property.Type), known);

        // A repeated list may be get-only: the parser adds to the list the constructor made, so it must not be nullable.
        bool hasSetter = property.SetMethod is { IsInitOnly: false };
        bool fillable = (repeated || indexed) && list is not null && property.NullableAnnotation != NullableAnnotation.Annotated;
        if (property.IsStatic || property.IsIndexer || property.GetMethod is null || !(hasSetter || fillable))
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.MemberNotSettable, DiagnosticLocations.Identifier(property), property.Name));
        }

        if (KnownTypes.FindAttribute(property, known.SubMessageAttribute) is not null
            || KnownTypes.FindAttribute(property, known.SubMessageCaseAttribute) is not null)
        {
            return ParseSubMessageMember(set, property, attribute, list is not null, bigEndian, context, problems);
        }

        Location typeLocation = DiagnosticLocations.MemberType(property, context.CancellationToken);
        MemberShape shape;
        ITypeSymbol valueType;
        bool supported = true;
        if (indexed && (list is null || repeated))
        {
            problems.Add(AttributeSetProblem.Create(
                AttributeSetProblemKind.IndexedArrayMisused,
                DiagnosticLocations.NamedArgument(attribute, AttributeArguments.IndexedArray, property, context.CancellationToken),
                property.Name,
                Display(property.Type)));
        }

        if (list is not null)
        {
            if (!repeated && !indexed)
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.ListNotRepeated, DiagnosticLocations.Identifier(property), property.Name));
            }

            shape = indexed ? MemberShape.IndexedArray : MemberShape.Repeated;
            valueType = list.TypeArguments[0];

            // Elements cannot be absent, lists do not nest, and a flag carries no value to repeat.
            supported = valueType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T && AsList(valueType, known) is null;
        }
        else
        {
            if (repeated)
            {
                problems.Add(AttributeSetProblem.Create(
                    AttributeSetProblemKind.RepeatedRequiresList,
                    DiagnosticLocations.NamedArgument(attribute, AttributeArguments.Repeated, property, context.CancellationToken),
                    property.Name,
                    Display(property.Type)));
            }

            if (property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                shape = MemberShape.NullableValue;
                valueType = nullable.TypeArguments[0];
            }
            else
            {
                shape = property.Type.IsValueType ? MemberShape.Value : MemberShape.Reference;
                valueType = property.Type;
            }
        }

        ITypeSymbol displayed = list is not null ? valueType : property.Type;
        AttributeSetProblemKind problem = AttributeSetProblemKind.UnsupportedMemberType;
        PayloadModel? payload = supported ? PayloadClassifier.Classify(valueType, bigEndian, known, out problem) : null;
        if (payload is null)
        {
            problems.Add(AttributeSetProblem.Create(
                problem,
                typeLocation,
                Display(displayed),
                property.Name));
            return null;
        }

        if (payload.Kind == PayloadKind.Flag && shape is MemberShape.NullableValue or MemberShape.Repeated or MemberShape.IndexedArray)
        {
            // A flag is present or absent: there is no third state for null and no value to repeat.
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.UnsupportedMemberType, typeLocation, Display(displayed), property.Name));
            return null;
        }

        if (bigEndian && !payload.IsInteger)
        {
            problems.Add(AttributeSetProblem.Create(
                AttributeSetProblemKind.ByteOrderOnNonInteger,
                DiagnosticLocations.NamedArgument(attribute, AttributeArguments.ByteOrder, property, context.CancellationToken),
                property.Name,
                Display(property.Type)));
        }

        if (valueType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && !PayloadClassifier.DeclaresWidth(enumType))
        {
            problems.Add(new AttributeSetProblem(
                AttributeSetProblemKind.EnumWidthNotDeclared,
                typeLocation,
                ImmutableArray.Create(enumType.Name, property.Name),
                ImmutableArray.Create(DiagnosticLocations.Identifier(enumType))));
        }

        CheckNamedType(set, property, valueType, typeLocation, payload.Kind == PayloadKind.Nested, context, problems);
        if (AttributeArguments.AttributeType(attribute) is not int type)
        {
            return null;
        }

        return new AttributeMemberModel(Identifier(property.Name), type, shape, payload, hasSetter, SubMessage: null);
    }

    /// <summary>A sub-message member holds one of its case classes: a reference type, never a list, no byte order.</summary>
    private static AttributeMemberModel? ParseSubMessageMember(
        INamedTypeSymbol set,
        IPropertySymbol property,
        AttributeData attribute,
        bool isList,
        bool bigEndian,
        ParseContext context,
        List<AttributeSetProblem> problems)
    {
        bool valid = true;
        if (isList || !property.Type.IsReferenceType)
        {
            problems.Add(AttributeSetProblem.Create(
                AttributeSetProblemKind.UnsupportedMemberType,
                DiagnosticLocations.MemberType(property, context.CancellationToken),
                Display(property.Type),
                property.Name));
            valid = false;
        }

        if (bigEndian)
        {
            problems.Add(AttributeSetProblem.Create(
                AttributeSetProblemKind.ByteOrderOnNonInteger,
                DiagnosticLocations.NamedArgument(attribute, AttributeArguments.ByteOrder, property, context.CancellationToken),
                property.Name,
                Display(property.Type)));
        }

        SubMessageModel? subMessage = SubMessageParser.Parse(set, property, context, problems);
        if (!valid || subMessage is null || AttributeArguments.AttributeType(attribute) is not int type)
        {
            return null;
        }

        var payload = new PayloadModel(PayloadKind.SubMessage, PayloadClassifier.TypeName(property.Type), IsEnum: false, IsBigEndian: false, ReadsWithDepth: false);
        return new AttributeMemberModel(Identifier(property.Name), type, MemberShape.Reference, payload, property.SetMethod is { IsInitOnly: false }, subMessage);
    }

    /// <summary>A type the generated code names must be visible from another file, and a nested set must have generated code.</summary>
    internal static void CheckNamedType(
        INamedTypeSymbol set,
        ISymbol member,
        ITypeSymbol type,
        Location location,
        bool isNestedSet,
        ParseContext context,
        List<AttributeSetProblem> problems)
    {
        if (KnownTypes.FileLocalType(type) is { } fileLocal)
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.FileLocalType, location, fileLocal.Name, set.Name));
        }
        else if (isNestedSet && type is INamedTypeSymbol nested && !AttributeSetParser.HasGeneratedCode(nested, context))
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.NestedSetHasErrors, location, member.Name, nested.Name));
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
            : ImmutableDictionary<string, string?>.Empty.Add(FreeAttributeTypeProperty, Format(free));
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static INamedTypeSymbol? AsList(ITypeSymbol type, KnownTypes known) =>
        type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.List)
            ? named
            : null;
}
