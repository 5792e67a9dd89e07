using System.Net;
using System.Runtime.InteropServices;

namespace Podnet.Netlink.Tests.Infrastructure;

/// <summary>
/// Hand-built rtnetlink bodies for testing the socket layer without generated types: constants straight from
/// <c>linux/rtnetlink.h</c>, <c>linux/if_link.h</c> and <c>linux/if_addr.h</c>.
/// </summary>
public static class RawRouteMessages
{
    public const ushort NewLinkType = 16;        // RTM_NEWLINK
    public const ushort GetLinkType = 18;        // RTM_GETLINK
    public const ushort NewAddressType = 20;     // RTM_NEWADDR
    public const ushort GetAddressType = 22;     // RTM_GETADDR
    public const uint LinkGroup = 1;         // RTNLGRP_LINK

    public const ushort InterfaceName = 3;   // IFLA_IFNAME
    public const ushort Mtu = 4;             // IFLA_MTU
    public const ushort LinkInfo = 18;       // IFLA_LINKINFO
    public const ushort InfoKind = 1;        // IFLA_INFO_KIND
    public const ushort AddressAttribute = 1; // IFA_ADDRESS
    public const ushort LocalAttribute = 2;  // IFA_LOCAL

    public const int InterfaceInfoSize = 16; // struct ifinfomsg
    public const int InterfaceAddressSize = 8; // struct ifaddrmsg

    /// <summary>An <c>ifinfomsg</c> (family 0) with the given index and flags, followed by <paramref name="attributes"/>.</summary>
    public static byte[] Link(int index = 0, uint flags = 0, uint change = 0, Action<NetlinkWriterBox>? attributes = null)
    {
        var box = new NetlinkWriterBox(InterfaceInfoSize);
        Span<byte> header = box.Header;
        MemoryMarshal.Write(header[4..], index);
        MemoryMarshal.Write(header[8..], flags);
        MemoryMarshal.Write(header[12..], change);
        attributes?.Invoke(box);
        return box.ToArray();
    }

    /// <summary>
    /// An <c>RTM_NEWLINK</c> body creating a link of <paramref name="kind"/> called <paramref name="name"/>. The default
    /// kind is <c>bridge</c>: test kernels may lack the <c>dummy</c> driver, and a bridge without ports is just as inert.
    /// </summary>
    public static byte[] NewLink(string name, string kind = "bridge") => Link(attributes: w =>
    {
        w.String(InterfaceName, name);
        w.Nested(LinkInfo, inner => inner.String(InfoKind, kind));
    });

    /// <summary>An <c>RTM_NEWADDR</c> body adding <paramref name="address"/>/<paramref name="prefixLength"/> to a link.</summary>
    public static byte[] NewIPv4Address(int interfaceIndex, IPAddress address, byte prefixLength)
    {
        var box = new NetlinkWriterBox(InterfaceAddressSize);
        Span<byte> header = box.Header;
        header[0] = 2; // AF_INET
        header[1] = prefixLength;
        MemoryMarshal.Write(header[4..], interfaceIndex);
        box.Address(LocalAttribute, address);
        box.Address(AddressAttribute, address);
        return box.ToArray();
    }

    /// <summary>An <c>RTM_GETADDR</c> dump body: IPv4 addresses of one link (strict checking filters by index).</summary>
    public static byte[] IPv4AddressesOf(int interfaceIndex)
    {
        var box = new NetlinkWriterBox(InterfaceAddressSize);
        box.Header[0] = 2;
        MemoryMarshal.Write(box.Header[4..], interfaceIndex);
        return box.ToArray();
    }

    /// <summary>Reads <c>ifi_index</c> and <c>IFLA_IFNAME</c> from an <c>RTM_NEWLINK</c> body.</summary>
    public static (int Index, string? Name) ReadLink(ReadOnlySpan<byte> body)
    {
        int index = MemoryMarshal.Read<int>(body[4..]);
        var reader = new NetlinkAttributeReader(body[InterfaceInfoSize..]);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> payload, out _))
        {
            if (type == InterfaceName)
            {
                return (index, NetlinkPayload.ReadString(payload));
            }
        }

        return (index, null);
    }

    /// <summary>Reads <c>ifa_index</c> from an <c>RTM_NEWADDR</c> body.</summary>
    public static int ReadAddressIndex(ReadOnlySpan<byte> body) => MemoryMarshal.Read<int>(body[4..]);
}
