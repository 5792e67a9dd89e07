using System.Buffers.Binary;

namespace Podnet.Netlink.Tests.Codecs;

/// <summary>Builds raw netlink attributes by hand, independently of the writer under test.</summary>
internal static class AttributeBytes
{
    /// <summary>One attribute: length, type (flag bits included as given), payload, zero padding.</summary>
    public static byte[] Attribute(ushort rawType, params byte[] payload)
    {
        int length = 4 + payload.Length;
        byte[] bytes = new byte[(length + 3) & ~3];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), rawType);
        payload.CopyTo(bytes, 4);
        return bytes;
    }

    public static byte[] U32(ushort rawType, uint value)
    {
        byte[] payload = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, value);
        return Attribute(rawType, payload);
    }

    public static byte[] Nested(ushort rawType, params byte[][] children) => Attribute(rawType, [.. children.SelectMany(c => c)]);

    /// <summary>The 8-byte <c>SampleHeader</c> with every field zero.</summary>
    public static byte[] EmptyHeader => new byte[8];

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
