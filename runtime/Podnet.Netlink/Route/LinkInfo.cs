namespace Podnet.Netlink.Route;

/// <summary><c>IFLA_LINKINFO</c>: the link kind and its kind-specific data, and the same for its role as a port.</summary>
[NetlinkAttributeSet]
public sealed partial class LinkInfo
{
    /// <summary><c>IFLA_INFO_KIND</c>: "bridge", "veth", "dummy", …</summary>
    [NetlinkAttribute(1)]
    public string? Kind { get; set; }

    /// <summary><c>IFLA_INFO_DATA</c>, shaped by <see cref="Kind"/>.</summary>
    [NetlinkAttribute(2)]
    [NetlinkSubMessage(nameof(Kind))]
    [NetlinkSubMessageCase("bridge", typeof(BridgeLinkData))]
    [NetlinkSubMessageCase("veth", typeof(VethLinkData))]
    public LinkKindData? Data { get; set; }

    /// <summary><c>IFLA_INFO_SLAVE_KIND</c>: the kind of the master this link is a port of ("bridge").</summary>
    [NetlinkAttribute(4)]
    public string? PortKind { get; set; }

    /// <summary><c>IFLA_INFO_SLAVE_DATA</c>, shaped by <see cref="PortKind"/>.</summary>
    [NetlinkAttribute(5)]
    [NetlinkSubMessage(nameof(PortKind))]
    [NetlinkSubMessageCase("bridge", typeof(BridgePortData))]
    public LinkPortData? PortData { get; set; }
}

/// <summary>Base of the kind-specific link data carried in <c>IFLA_INFO_DATA</c>.</summary>
public abstract class LinkKindData
{
}

/// <summary>Base of the port-specific data carried in <c>IFLA_INFO_SLAVE_DATA</c>.</summary>
public abstract class LinkPortData
{
}

/// <summary>Bridge data (<c>IFLA_BR_*</c>).</summary>
[NetlinkAttributeSet]
public sealed partial class BridgeLinkData : LinkKindData
{
    /// <summary><c>IFLA_BR_FORWARD_DELAY</c> (centiseconds).</summary>
    [NetlinkAttribute(1)]
    public uint? ForwardDelay { get; set; }

    /// <summary><c>IFLA_BR_AGEING_TIME</c> (centiseconds).</summary>
    [NetlinkAttribute(4)]
    public uint? AgeingTime { get; set; }

    /// <summary><c>IFLA_BR_STP_STATE</c>.</summary>
    [NetlinkAttribute(5)]
    public uint? StpState { get; set; }

    /// <summary><c>IFLA_BR_PRIORITY</c>.</summary>
    [NetlinkAttribute(6)]
    public ushort? Priority { get; set; }

    /// <summary><c>IFLA_BR_VLAN_FILTERING</c>.</summary>
    [NetlinkAttribute(7)]
    public byte? VlanFiltering { get; set; }

    /// <summary><c>IFLA_BR_VLAN_PROTOCOL</c> (network byte order: 0x8100 = 802.1Q).</summary>
    [NetlinkAttribute(8, ByteOrder = NetlinkByteOrder.BigEndian)]
    public ushort? VlanProtocol { get; set; }

    /// <summary><c>IFLA_BR_MCAST_SNOOPING</c>.</summary>
    [NetlinkAttribute(23)]
    public byte? MulticastSnooping { get; set; }

    /// <summary><c>IFLA_BR_VLAN_DEFAULT_PVID</c>.</summary>
    [NetlinkAttribute(39)]
    public ushort? VlanDefaultPvid { get; set; }
}

/// <summary>Bridge port data (<c>IFLA_BRPORT_*</c>), carried in <c>IFLA_INFO_SLAVE_DATA</c>.</summary>
[NetlinkAttributeSet]
public sealed partial class BridgePortData : LinkPortData
{
    /// <summary><c>IFLA_BRPORT_STATE</c>: STP port state.</summary>
    [NetlinkAttribute(1)]
    public byte? State { get; set; }

    /// <summary><c>IFLA_BRPORT_PRIORITY</c>.</summary>
    [NetlinkAttribute(2)]
    public ushort? Priority { get; set; }

    /// <summary><c>IFLA_BRPORT_COST</c>.</summary>
    [NetlinkAttribute(3)]
    public uint? Cost { get; set; }

    /// <summary><c>IFLA_BRPORT_MODE</c>: hairpin mode (frames may leave by the port they came in on).</summary>
    [NetlinkAttribute(4)]
    public byte? Hairpin { get; set; }

    /// <summary><c>IFLA_BRPORT_LEARNING</c>.</summary>
    [NetlinkAttribute(8)]
    public byte? Learning { get; set; }

    /// <summary><c>IFLA_BRPORT_UNICAST_FLOOD</c>.</summary>
    [NetlinkAttribute(9)]
    public byte? UnicastFlood { get; set; }

    /// <summary><c>IFLA_BRPORT_ISOLATED</c>: isolated ports cannot talk to each other, only to non-isolated ones.</summary>
    [NetlinkAttribute(33)]
    public byte? Isolated { get; set; }
}

/// <summary>veth data: <c>VETH_INFO_PEER</c> holds a whole <c>ifinfomsg</c> + link attributes for the peer.</summary>
[NetlinkAttributeSet]
public sealed partial class VethLinkData : LinkKindData
{
    /// <summary><c>VETH_INFO_PEER</c>: the peer end (a nested set with a fixed header).</summary>
    [NetlinkAttribute(1)]
    public LinkMessage? Peer { get; set; }
}
