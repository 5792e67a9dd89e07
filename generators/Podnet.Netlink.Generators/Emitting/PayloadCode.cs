using System.Collections.Generic;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Emitting;

/// <summary>The C# snippets that size, write and read one payload value.</summary>
internal static class PayloadCode
{
    /// <summary>Whether the encoded size depends on the value (and not only on the kind).</summary>
    public static bool HasVariableSize(PayloadModel payload) =>
        payload.Kind is PayloadKind.String or PayloadKind.ByteArray or PayloadKind.Memory or PayloadKind.Address or PayloadKind.Nested;

    /// <summary>An expression for the aligned size of the attribute holding <paramref name="value"/>.</summary>
    public static string Size(PayloadModel payload, string value) => payload.Kind switch
    {
        PayloadKind.String => $"{RuntimeNames.Attribute}.SizeOfString({value})",
        PayloadKind.ByteArray or PayloadKind.Memory => $"{RuntimeNames.Attribute}.SizeOf({value}.Length)",
        PayloadKind.Address => $"{RuntimeNames.Attribute}.SizeOfAddress({value})",
        PayloadKind.Nested => $"{RuntimeNames.Attribute}.SizeOf({value}.GetSize())",
        _ => $"{RuntimeNames.Attribute}.SizeOf({FixedPayloadSize(payload.Kind)})",
    };

    /// <summary>Statements that write the attribute of type <paramref name="type"/> (a constant or a <c>ushort</c> local) holding <paramref name="value"/>.</summary>
    public static IEnumerable<string> Write(PayloadModel payload, string type, string value, string nestedStart)
    {
        string order = payload.IsBigEndian ? ", " + RuntimeNames.BigEndian : string.Empty;
        switch (payload.Kind)
        {
            case PayloadKind.Flag:
                yield return $"writer.WriteFlag({type});";
                break;
            case PayloadKind.String:
                yield return $"writer.WriteString({type}, {value});";
                break;
            case PayloadKind.ByteArray:
                yield return $"writer.WriteBinary({type}, {value});";
                break;
            case PayloadKind.Memory:
                yield return $"writer.WriteBinary({type}, {value}.Span);";
                break;
            case PayloadKind.Mac:
                yield return $"writer.WriteMac({type}, {value});";
                break;
            case PayloadKind.Address:
                yield return $"writer.WriteAddress({type}, {value});";
                break;
            case PayloadKind.Nested:
                yield return $"int {nestedStart} = writer.BeginNested({type});";
                yield return $"{value}.Write(ref writer);";
                yield return $"writer.EndNested({nestedStart});";
                break;
            default:
                string cast = payload.IsEnum ? $"({IntegerType(payload.Kind)})" : string.Empty;
                yield return $"writer.Write{payload.Kind}({type}, {cast}{value}{order});";
                break;
        }
    }

    /// <summary>An expression that decodes <paramref name="payload"/> (a span named by <paramref name="span"/>) of attribute <c>type</c>.</summary>
    public static string Read(PayloadModel payload, string span) => payload.Kind switch
    {
        PayloadKind.Flag => "true",
        PayloadKind.String => $"{RuntimeNames.Payload}.ReadString({span})",
        PayloadKind.ByteArray => $"{span}.ToArray()",
        PayloadKind.Memory => $"new {RuntimeNames.Memory}({span}.ToArray())",
        PayloadKind.Mac => $"{RuntimeNames.Payload}.ReadMac({span}, type)",
        PayloadKind.Address => $"{RuntimeNames.Payload}.ReadAddress({span}, type)",
        PayloadKind.Nested => ReadNested(payload.TypeName, payload.ReadsWithDepth, span),
        _ => ReadInteger(payload, span),
    };

    /// <summary>An expression that parses a nested set of type <paramref name="typeName"/> one level deeper.</summary>
    public static string ReadNested(string typeName, bool readsWithDepth, string span) =>
        readsWithDepth ? $"{typeName}.ReadCore({span}, depth + 1)" : $"{typeName}.Read({span})";

    private static string ReadInteger(PayloadModel payload, string span)
    {
        string order = payload.IsBigEndian ? ", " + RuntimeNames.BigEndian : string.Empty;
        string call = $"{RuntimeNames.Payload}.Read{payload.Kind}({span}, type{order})";
        return payload.IsEnum ? $"({payload.TypeName}){call}" : call;
    }

    private static int FixedPayloadSize(PayloadKind kind) => kind switch
    {
        PayloadKind.U8 or PayloadKind.S8 => 1,
        PayloadKind.U16 or PayloadKind.S16 => 2,
        PayloadKind.U32 or PayloadKind.S32 => 4,
        PayloadKind.U64 or PayloadKind.S64 => 8,
        PayloadKind.Mac => 6,
        _ => 0,
    };

    private static string IntegerType(PayloadKind kind) => kind switch
    {
        PayloadKind.U8 => "byte",
        PayloadKind.S8 => "sbyte",
        PayloadKind.U16 => "ushort",
        PayloadKind.S16 => "short",
        PayloadKind.U32 => "uint",
        PayloadKind.S32 => "int",
        PayloadKind.U64 => "ulong",
        _ => "long",
    };
}
