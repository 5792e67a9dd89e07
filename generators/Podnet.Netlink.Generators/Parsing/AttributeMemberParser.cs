using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>Turns one <c>[NetlinkAttribute]</c> property into an <see cref="AttributeMemberModel"/> (the sub-message part is left to <see cref="SubMessageParser"/>).</summary>
internal static class AttributeMemberParser
{
    private const int MaxAttributeType = 0x3FFF;
    private const int BigEndianByteOrder = 1;

    /// <summary>Parses <paramref name="member"/>; returns <see langword="null"/> and adds to <paramref name="problems"/> if it must be skipped.</summary>
    public static AttributeMemberModel? Parse(ISymbol member, AttributeData attribute, KnownTypes known, List<AttributeSetProblem> problems)
    {
        if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.MemberNotSettable, member, attribute));
            return null;
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not { } typeValue)
        {
            // The compiler reports the malformed attribute itself.
            return null;
        }

        int type = System.Convert.ToInt32(typeValue, System.Globalization.CultureInfo.InvariantCulture);
        if (type is < 1 or > MaxAttributeType)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.AttributeTypeOutOfRange, member, attribute, Detail: type.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }

        bool repeated = false;
        bool bigEndian = false;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Repeated" && named.Value.Value is bool r)
            {
                repeated = r;
            }
            else if (named.Key == "ByteOrder" && named.Value.Value is int order)
            {
                bigEndian = order == BigEndianByteOrder;
            }
        }

        bool hasSetter = property.SetMethod is { IsInitOnly: false };
        ITypeSymbol declared = property.Type;
        INamedTypeSymbol? list = AsList(declared, known);
        bool isSubMessage = KnownTypes.FindAttribute(member, known.SubMessageAttribute) is not null;

        MemberShape shape;
        ITypeSymbol valueType;
        if (repeated)
        {
            if (list is null)
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.RepeatedRequiresList, member, attribute));
                return null;
            }

            shape = MemberShape.Repeated;
            valueType = list.TypeArguments[0];
        }
        else if (list is not null)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.ListNotRepeated, member, attribute));
            return null;
        }
        else if (declared is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            shape = MemberShape.NullableValue;
            valueType = nullable.TypeArguments[0];
        }
        else
        {
            shape = declared.IsValueType ? MemberShape.Value : MemberShape.Reference;
            valueType = declared;
        }

        if (!hasSetter && shape != MemberShape.Repeated)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.MemberNotSettable, member, attribute));
            return null;
        }

        PayloadModel payload;
        if (isSubMessage)
        {
            if (shape != MemberShape.Reference)
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.UnsupportedMemberType, member, attribute));
                return null;
            }

            payload = new PayloadModel(PayloadKind.SubMessage, PayloadClassifier.TypeName(valueType), IsEnum: false, IsBigEndian: false, ReadsWithDepth: false);
        }
        else if (PayloadClassifier.Classify(valueType, bigEndian, known, out AttributeSetProblemKind problem) is { } classified)
        {
            bool unsupported =
                (classified.Kind == PayloadKind.Flag && shape is MemberShape.NullableValue or MemberShape.Repeated) ||
                (shape == MemberShape.Repeated && valueType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T });
            if (unsupported)
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.UnsupportedMemberType, member, attribute, RelatedSymbol: declared));
                return null;
            }

            payload = classified;
        }
        else
        {
            problems.Add(new AttributeSetProblem(problem, member, attribute, RelatedSymbol: valueType));
            return null;
        }

        return new AttributeMemberModel(Identifier(member.Name), type, shape, payload, hasSetter, SubMessage: null);
    }

    /// <summary>The name as a C# identifier, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static INamedTypeSymbol? AsList(ITypeSymbol type, KnownTypes known) =>
        type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.List)
            ? named
            : null;
}
