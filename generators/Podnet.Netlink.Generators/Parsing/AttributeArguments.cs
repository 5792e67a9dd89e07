using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>Reads the constant values of netlink attribute applications.</summary>
internal static class AttributeArguments
{
    /// <summary>Name of the <c>ByteOrder</c> named argument.</summary>
    public const string ByteOrder = "ByteOrder";

    /// <summary>Name of the <c>Repeated</c> named argument.</summary>
    public const string Repeated = "Repeated";

    /// <summary>Name of the <c>IndexedArray</c> named argument.</summary>
    public const string IndexedArray = "IndexedArray";

    /// <summary>Value of <c>NetlinkByteOrder.BigEndian</c>.</summary>
    public const int BigEndian = 1;

    public static TypedConstant? Positional(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length ? attribute.ConstructorArguments[index] : null;

    public static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The attribute type of a <c>[NetlinkAttribute(type)]</c>, or <see langword="null"/> when it does not bind.</summary>
    public static int? AttributeType(AttributeData attribute) =>
        Positional(attribute, 0) is { Kind: TypedConstantKind.Primitive, Value: ushort type } ? type : null;

    public static bool IsRepeated(AttributeData attribute) =>
        Named(attribute, Repeated) is { Value: true };

    public static bool IsIndexedArray(AttributeData attribute) =>
        Named(attribute, IndexedArray) is { Value: true };

    public static bool IsBigEndian(AttributeData attribute) =>
        Named(attribute, ByteOrder) is { Value: int order } && order == BigEndian;

    /// <summary>The values of a <c>params</c> array argument; empty when none were given.</summary>
    public static ImmutableArray<TypedConstant> ArrayValues(AttributeData attribute, int index) =>
        Positional(attribute, index) is { Kind: TypedConstantKind.Array } array ? array.Values : ImmutableArray<TypedConstant>.Empty;
}
