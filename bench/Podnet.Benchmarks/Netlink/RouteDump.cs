using System.Buffers.Binary;

namespace Podnet.Benchmarks.Netlink;

/// <summary>A dump of IPv4 routes as the kernel sends it: RTM_NEWROUTE messages with rtmsg + RTA_TABLE, RTA_DST, RTA_GATEWAY, RTA_OIF, RTA_PRIORITY.</summary>
internal static class RouteDump
{
    private const int MessageSize = 16 + 12 + (5 * 8);

    public static byte[] Build(int count)
    {
        byte[] buffer = new byte[count * MessageSize];
        for (int i = 0; i < count; i++)
        {
            Span<byte> m = buffer.AsSpan(i * MessageSize, MessageSize);
            BinaryPrimitives.WriteUInt32LittleEndian(m, MessageSize);
            BinaryPrimitives.WriteUInt16LittleEndian(m[4..], 24);        // RTM_NEWROUTE
            BinaryPrimitives.WriteUInt16LittleEndian(m[6..], 0x02);      // NLM_F_MULTI
            BinaryPrimitives.WriteUInt32LittleEndian(m[8..], 1);
            m[16] = 2;                                                   // AF_INET
            m[17] = 24;                                                  // /24
            m[20] = 254;                                                 // main
            m[21] = 4;                                                   // static
            m[22] = 0;                                                   // universe
            m[23] = 1;                                                   // unicast
            int p = 28;
            p = U32(m, p, 15, 254);                                      // RTA_TABLE
            p = Address(m, p, 1, 0x0A000000u | ((uint)i << 8));          // RTA_DST 10.x.y.0
            p = Address(m, p, 5, 0xAC100001u);                           // RTA_GATEWAY 172.16.0.1
            p = U32(m, p, 4, 2);                                         // RTA_OIF
            U32(m, p, 6, (uint)(100 + (i % 7)));                         // RTA_PRIORITY
        }

        return buffer;
    }

    private static int U32(Span<byte> m, int p, ushort type, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(m[p..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(m[(p + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(m[(p + 4)..], value);
        return p + 8;
    }

    private static int Address(Span<byte> m, int p, ushort type, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(m[p..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(m[(p + 2)..], type);
        BinaryPrimitives.WriteUInt32BigEndian(m[(p + 4)..], value);
        return p + 8;
    }
}
