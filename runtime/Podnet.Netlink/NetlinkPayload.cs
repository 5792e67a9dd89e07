using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace Podnet.Netlink;

/// <summary>Decodes attribute payloads, checking their sizes. Used by generated parsers.</summary>
public static class NetlinkPayload
{
    /// <summary>Reads a u8.</summary>
    public static byte ReadU8(ReadOnlySpan<byte> payload, ushort type) => Exact(payload, 1, type)[0];

    /// <summary>Reads an s8.</summary>
    public static sbyte ReadS8(ReadOnlySpan<byte> payload, ushort type) => unchecked((sbyte)Exact(payload, 1, type)[0]);

    /// <summary>Reads a u16.</summary>
    public static ushort ReadU16(ReadOnlySpan<byte> payload, ushort type, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        order == NetlinkByteOrder.BigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(Exact(payload, 2, type))
            : MemoryMarshal.Read<ushort>(Exact(payload, 2, type));

    /// <summary>Reads an s16.</summary>
    public static short ReadS16(ReadOnlySpan<byte> payload, ushort type, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        unchecked((short)ReadU16(payload, type, order));

    /// <summary>Reads a u32.</summary>
    public static uint ReadU32(ReadOnlySpan<byte> payload, ushort type, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        order == NetlinkByteOrder.BigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(Exact(payload, 4, type))
            : MemoryMarshal.Read<uint>(Exact(payload, 4, type));

    /// <summary>Reads an s32.</summary>
    public static int ReadS32(ReadOnlySpan<byte> payload, ushort type, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        unchecked((int)ReadU32(payload, type, order));

    /// <summary>Reads a u64.</summary>
    public static ulong ReadU64(ReadOnlySpan<byte> payload, ushort type, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        order == NetlinkByteOrder.BigEndian
            ? BinaryPrimitives.ReadUInt64BigEndian(Exact(payload, 8, type))
            : MemoryMarshal.Read<ulong>(Exact(payload, 8, type));

    /// <summary>Reads an s64.</summary>
    public static long ReadS64(ReadOnlySpan<byte> payload, ushort type, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        unchecked((long)ReadU64(payload, type, order));

    /// <summary>Reads a string, with or without a terminating NUL (anything after the first NUL is ignored).</summary>
    public static string ReadString(ReadOnlySpan<byte> payload)
    {
        int nul = payload.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul >= 0 ? payload[..nul] : payload);
    }

    /// <summary>Reads a 6-byte MAC address.</summary>
    public static MacAddress ReadMac(ReadOnlySpan<byte> payload, ushort type) => new(Exact(payload, MacAddress.Size, type));

    /// <summary>Reads a 4- or 16-byte IP address.</summary>
    public static IPAddress ReadAddress(ReadOnlySpan<byte> payload, ushort type) =>
        payload.Length is 4 or 16
            ? new IPAddress(payload)
            : throw new NetlinkParseException($"Attribute {type}: an IP address has 4 or 16 bytes, got {payload.Length}.");

    private static ReadOnlySpan<byte> Exact(ReadOnlySpan<byte> payload, int size, ushort type) =>
        payload.Length >= size
            ? payload[..size]
            : throw new NetlinkParseException($"Attribute {type}: expected {size} bytes of payload, got {payload.Length}.");
}
