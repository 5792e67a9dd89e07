using System.Buffers.Binary;
using System.Text;

namespace Podnet.Benchmarks.Netlink;

/// <summary>
/// The veth-create request body written by hand with <see cref="BinaryPrimitives"/>: the baseline the generated writer
/// is measured against. Produces exactly the bytes <c>LinkMessage.Write</c> does for the same values.
/// </summary>
internal static class HandWrittenVethEncoder
{
    private const ushort Nested = 0x8000;

    public static int Write(Span<byte> buffer, string name, uint mtu, string peerName, int peerNamespaceFd)
    {
        int p = 0;
        buffer[..16].Clear(); // ifinfomsg
        p += 16;
        p = String(buffer, p, 3, name);           // IFLA_IFNAME
        p = U32(buffer, p, 4, mtu);               // IFLA_MTU
        int linkInfo = Begin(buffer, ref p, 18);  // IFLA_LINKINFO
        p = String(buffer, p, 1, "veth");         // IFLA_INFO_KIND
        int data = Begin(buffer, ref p, 2);       // IFLA_INFO_DATA
        int peer = Begin(buffer, ref p, 1);       // VETH_INFO_PEER
        buffer.Slice(p, 16).Clear();              // the peer's ifinfomsg
        p += 16;
        p = String(buffer, p, 3, peerName);
        p = U32(buffer, p, 28, (uint)peerNamespaceFd); // IFLA_NET_NS_FD
        End(buffer, peer, p);
        End(buffer, data, p);
        End(buffer, linkInfo, p);
        return p;
    }

    private static int Begin(Span<byte> buffer, ref int p, ushort type)
    {
        int start = p;
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[(p + 2)..], (ushort)(type | Nested));
        p += 4;
        return start;
    }

    private static void End(Span<byte> buffer, int start, int p) =>
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[start..], (ushort)(p - start));

    private static int String(Span<byte> buffer, int p, ushort type, string value)
    {
        int length = Encoding.UTF8.GetBytes(value, buffer[(p + 4)..]);
        buffer[p + 4 + length] = 0;
        return Header(buffer, p, type, length + 1);
    }

    private static int U32(Span<byte> buffer, int p, ushort type, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[(p + 4)..], value);
        return Header(buffer, p, type, 4);
    }

    private static int Header(Span<byte> buffer, int p, ushort type, int payload)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[p..], (ushort)(4 + payload));
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[(p + 2)..], type);
        int aligned = (4 + payload + 3) & ~3;
        buffer.Slice(p + 4 + payload, aligned - 4 - payload).Clear();
        return p + aligned;
    }
}
