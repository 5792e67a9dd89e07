using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

/// <summary>A link (<c>RTM_NEWLINK</c>/<c>RTM_DELLINK</c>/<c>RTM_GETLINK</c>/<c>RTM_SETLINK</c>): <c>ifinfomsg</c> + <c>IFLA_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.NewLink, RouteMessageType.DeleteLink, RouteMessageType.GetLink, RouteMessageType.SetLink)]
public sealed partial class LinkMessage
{
    /// <summary>The <c>ifinfomsg</c> header.</summary>
    [NetlinkHeader]
    public InterfaceInfoHeader Header { get; set; }

    /// <summary>The interface index (<c>ifi_index</c>).</summary>
    public int Index => Header.Index;

    /// <summary>The device flags (<c>ifi_flags</c>).</summary>
    public InterfaceFlags Flags => Header.Flags;

    /// <summary>Whether the interface is administratively up (<see cref="InterfaceFlags.Up"/>).</summary>
    public bool IsUp => (Header.Flags & InterfaceFlags.Up) != 0;

    /// <summary>Whether the interface is operationally up: <see cref="InterfaceFlags.Running"/> or <see cref="OperationalState"/> up.</summary>
    public bool IsRunning => (Header.Flags & InterfaceFlags.Running) != 0 || OperationalState == Route.OperationalState.Up;

    /// <summary>Whether the interface is in promiscuous mode (<see cref="InterfaceFlags.Promiscuous"/>).</summary>
    public bool IsPromiscuous => (Header.Flags & InterfaceFlags.Promiscuous) != 0;

    /// <summary>The link kind (<c>IFLA_INFO_KIND</c>: "bridge", "veth", …), or <see langword="null"/> for a device without one.</summary>
    public string? Kind => LinkInfo?.Kind;

    /// <summary><c>IFLA_ADDRESS</c>: the link-layer address.</summary>
    [NetlinkAttribute(1)]
    public MacAddress? Address { get; set; }

    /// <summary><c>IFLA_BROADCAST</c>.</summary>
    [NetlinkAttribute(2)]
    public MacAddress? Broadcast { get; set; }

    /// <summary><c>IFLA_IFNAME</c>.</summary>
    [NetlinkAttribute(3)]
    public string? Name { get; set; }

    /// <summary><c>IFLA_MTU</c>.</summary>
    [NetlinkAttribute(4)]
    public uint? Mtu { get; set; }

    /// <summary><c>IFLA_LINK</c>: the lower device (for a veth: the peer's index).</summary>
    [NetlinkAttribute(5)]
    public int? Link { get; set; }

    /// <summary><c>IFLA_MASTER</c>: the bridge this link is a port of (0 = none).</summary>
    [NetlinkAttribute(10)]
    public int? Master { get; set; }

    /// <summary><c>IFLA_TXQLEN</c>.</summary>
    [NetlinkAttribute(13)]
    public uint? TransmitQueueLength { get; set; }

    /// <summary><c>IFLA_OPERSTATE</c>: RFC 2863 operational state.</summary>
    [NetlinkAttribute(16)]
    public OperationalState? OperationalState { get; set; }

    /// <summary><c>IFLA_LINKINFO</c>: kind and kind-specific data.</summary>
    [NetlinkAttribute(18)]
    public LinkInfo? LinkInfo { get; set; }

    /// <summary><c>IFLA_NET_NS_PID</c>: move or create the link in the namespace of this process.</summary>
    [NetlinkAttribute(19)]
    public uint? NetworkNamespacePid { get; set; }

    /// <summary><c>IFLA_IFALIAS</c>.</summary>
    [NetlinkAttribute(20)]
    public string? Alias { get; set; }

    /// <summary><c>IFLA_GROUP</c>.</summary>
    [NetlinkAttribute(27)]
    public uint? Group { get; set; }

    /// <summary><c>IFLA_NET_NS_FD</c>: move or create the link in the namespace open at this descriptor.</summary>
    [NetlinkAttribute(28)]
    public int? NetworkNamespaceFd { get; set; }

    /// <summary><c>IFLA_EXT_MASK</c>: <c>RTEXT_FILTER_*</c> for dumps.</summary>
    [NetlinkAttribute(29)]
    public uint? ExtendedMask { get; set; }

    /// <summary><c>IFLA_PROMISCUITY</c>: promiscuity count (read-only).</summary>
    [NetlinkAttribute(30)]
    public uint? Promiscuity { get; set; }

    /// <summary><c>IFLA_CARRIER</c>.</summary>
    [NetlinkAttribute(33)]
    public byte? Carrier { get; set; }

    /// <summary><c>IFLA_LINK_NETNSID</c>: namespace id of the peer/lower device.</summary>
    [NetlinkAttribute(37)]
    public int? LinkNetnsId { get; set; }

    /// <summary><c>IFLA_MIN_MTU</c>.</summary>
    [NetlinkAttribute(50)]
    public uint? MinMtu { get; set; }

    /// <summary><c>IFLA_MAX_MTU</c>.</summary>
    [NetlinkAttribute(51)]
    public uint? MaxMtu { get; set; }

    /// <summary><c>IFLA_PERM_ADDRESS</c>.</summary>
    [NetlinkAttribute(54)]
    public MacAddress? PermanentAddress { get; set; }
}

/// <summary><c>struct ifinfomsg</c>: the fixed header of link messages (16 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct InterfaceInfoHeader
{
    /// <summary><c>ifi_family</c>.</summary>
    public RouteAddressFamily Family { get; set; }

    /// <summary><c>__ifi_pad</c>.</summary>
    public byte Padding { get; set; }

    /// <summary><c>ifi_type</c>: the ARPHRD_* device type.</summary>
    public ushort DeviceType { get; set; }

    /// <summary><c>ifi_index</c>: the interface index (0 = unspecified).</summary>
    public int Index { get; set; }

    /// <summary><c>ifi_flags</c>.</summary>
    public InterfaceFlags Flags { get; set; }

    /// <summary><c>ifi_change</c>: which flags a request changes.</summary>
    public InterfaceFlags Change { get; set; }
}

/// <summary>Device flags (<c>IFF_*</c> in <c>linux/if.h</c>).</summary>
[Flags]
public enum InterfaceFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary><c>IFF_UP</c>: administratively up.</summary>
    Up = 0x1,

    /// <summary><c>IFF_BROADCAST</c>.</summary>
    Broadcast = 0x2,

    /// <summary><c>IFF_LOOPBACK</c>.</summary>
    Loopback = 0x8,

    /// <summary><c>IFF_POINTOPOINT</c>.</summary>
    PointToPoint = 0x10,

    /// <summary><c>IFF_RUNNING</c>: operationally up.</summary>
    Running = 0x40,

    /// <summary><c>IFF_NOARP</c>.</summary>
    NoArp = 0x80,

    /// <summary><c>IFF_PROMISC</c>.</summary>
    Promiscuous = 0x100,

    /// <summary><c>IFF_MULTICAST</c>.</summary>
    Multicast = 0x1000,

    /// <summary><c>IFF_LOWER_UP</c>: carrier.</summary>
    LowerUp = 0x10000,
}

/// <summary>RFC 2863 operational state (<c>IF_OPER_*</c>).</summary>
public enum OperationalState : byte
{
    /// <summary><c>IF_OPER_UNKNOWN</c>.</summary>
    Unknown = 0,

    /// <summary><c>IF_OPER_NOTPRESENT</c>.</summary>
    NotPresent = 1,

    /// <summary><c>IF_OPER_DOWN</c>.</summary>
    Down = 2,

    /// <summary><c>IF_OPER_LOWERLAYERDOWN</c>.</summary>
    LowerLayerDown = 3,

    /// <summary><c>IF_OPER_TESTING</c>.</summary>
    Testing = 4,

    /// <summary><c>IF_OPER_DORMANT</c>.</summary>
    Dormant = 5,

    /// <summary><c>IF_OPER_UP</c>.</summary>
    Up = 6,
}
