using System;
using Podnet.Cni.Generators.Formats;
using Podnet.Cni.Generators.Model;

namespace Podnet.Cni.Generators.Emit;

/// <summary>The C# type (fully <c>global::</c>-qualified) that holds a value of a resolved shape.</summary>
internal static class ShapeTypes
{
    public const string RawType = "global::System.ReadOnlyMemory<byte>";

    public static string Of(ShapeModel shape, string @namespace) => shape.Kind switch
    {
        ShapeKind.String => StringFormat.Find(shape.Format)?.Type ?? "string",
        ShapeKind.Boolean => "bool",
        ShapeKind.Integer => shape.Integer switch
        {
            IntegerKind.Int32 => "int",
            IntegerKind.UInt32 => "uint",
            IntegerKind.Int64 => "long",
            _ => "ulong",
        },
        ShapeKind.Number => "double",
        ShapeKind.Raw => RawType,
        ShapeKind.Array => "global::System.Collections.Generic.List<" + Of(shape.Element!, @namespace) + ">",
        ShapeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + Of(shape.Element!, @namespace) + ">",
        ShapeKind.Object or ShapeKind.Enum => "global::" + @namespace + "." + shape.TypeName,
        _ => throw new InvalidOperationException("unresolved shape " + shape.Kind),
    };

    /// <summary>The name of the helper in <c>CniJsonReading</c> that reads a primitive, e.g. <c>ReadUInt32</c>.</summary>
    public static string PrimitiveReader(ShapeModel shape) => shape.Kind switch
    {
        ShapeKind.String => "ReadString",
        ShapeKind.Boolean => "ReadBoolean",
        ShapeKind.Number => "ReadDouble",
        ShapeKind.Integer => shape.Integer switch
        {
            IntegerKind.Int32 => "ReadInt32",
            IntegerKind.UInt32 => "ReadUInt32",
            IntegerKind.Int64 => "ReadInt64",
            _ => "ReadUInt64",
        },
        _ => throw new InvalidOperationException("not a primitive: " + shape.Kind),
    };

    /// <summary>Whether the C# type of a shape is a struct (a nullable local of it needs <c>.Value</c>).</summary>
    public static bool IsValueType(ShapeModel shape) => shape.Kind switch
    {
        ShapeKind.Boolean or ShapeKind.Integer or ShapeKind.Number or ShapeKind.Enum or ShapeKind.Raw => true,
        ShapeKind.String => StringFormat.Find(shape.Format)?.IsValueType == true,
        _ => false,
    };

    /// <summary>How deep arrays and maps nest inside a shape (0 for anything else).</summary>
    public static int ContainerDepth(ShapeModel shape) =>
        shape.Kind is ShapeKind.Array or ShapeKind.Map ? 1 + ContainerDepth(shape.Element!) : 0;

    /// <summary>Whether a container of <paramref name="kind"/> appears at nesting <paramref name="level"/> of the shape.</summary>
    public static bool HasContainerAt(ShapeModel shape, ShapeKind kind, int level)
    {
        if (shape.Kind is not (ShapeKind.Array or ShapeKind.Map))
        {
            return false;
        }

        return level == 0 ? shape.Kind == kind : HasContainerAt(shape.Element!, kind, level - 1);
    }
}
