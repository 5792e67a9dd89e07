namespace Podnet.Netlink.Route;

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
