namespace Podnet.Netlink;

/// <summary>The one rtnetlink request the namespace layer needs itself: <c>ip link set lo up</c>.</summary>
internal static class LoopbackRequest
{
    private const ushort NewLink = 16;      // RTM_NEWLINK
    private const ushort InterfaceName = 3; // IFLA_IFNAME
    private const uint Up = 1;              // IFF_UP
    private const int InterfaceInfoSize = 16; // struct ifinfomsg

    /// <summary>Sends <c>RTM_NEWLINK</c> for <c>lo</c> with <c>IFF_UP</c> set in flags and change mask.</summary>
    public static void BringUp(NetlinkSocket socket)
    {
        Span<byte> payload = stackalloc byte[InterfaceInfoSize + NetlinkAttribute.SizeOf(3)];
        payload.Clear();

        // ifinfomsg: family, pad, type (u16), index (s32), flags (u32) at 8, change (u32) at 12.
        System.Runtime.InteropServices.MemoryMarshal.Write(payload[8..], Up);
        System.Runtime.InteropServices.MemoryMarshal.Write(payload[12..], Up);
        var writer = new NetlinkWriter(payload[InterfaceInfoSize..]);
        writer.WriteString(InterfaceName, "lo");
        socket.Request(NewLink, NetlinkMessageFlags.None, payload);
    }
}
