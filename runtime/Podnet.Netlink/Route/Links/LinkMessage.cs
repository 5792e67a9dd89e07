namespace Podnet.Netlink.Route;

/// <summary>A link (<c>RTM_NEWLINK</c>/<c>RTM_DELLINK</c>/<c>RTM_GETLINK</c>/<c>RTM_SETLINK</c>): <c>ifinfomsg</c> + <c>IFLA_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.NewLink, RouteMessageType.DeleteLink, RouteMessageType.GetLink, RouteMessageType.SetLink)]
public sealed partial class LinkMessage
{
    /// <summary>The <c>ifinfomsg</c> header.</summary>
    [NetlinkHeader]
    public InterfaceInfoHeader Header { get; set; }

    /// <summary>The interface index.</summary>
    public int Index => Header.Index;

    /// <summary>Whether the interface is administratively up.</summary>
    public bool IsUp => (Header.Flags & InterfaceFlags.Up) != 0;

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
