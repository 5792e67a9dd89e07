namespace Podnet.Netlink.Route;

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
