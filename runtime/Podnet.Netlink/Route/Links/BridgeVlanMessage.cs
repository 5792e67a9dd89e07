namespace Podnet.Netlink.Route;

/// <summary>
/// Bridge port VLAN membership (what <c>bridge vlan add|del</c> sends): <c>RTM_SETLINK</c> or <c>RTM_DELLINK</c> with
/// family <c>AF_BRIDGE</c>, the port's index, and <c>IFLA_AF_SPEC</c> holding <c>IFLA_BRIDGE_VLAN_INFO</c> entries.
/// </summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.SetLink, RouteMessageType.DeleteLink)]
public sealed partial class BridgeVlanMessage
{
    /// <summary>The <c>ifinfomsg</c> header (family <c>AF_BRIDGE</c>, the port's index).</summary>
    [NetlinkHeader]
    public InterfaceInfoHeader Header { get; set; }

    /// <summary><c>IFLA_AF_SPEC</c>.</summary>
    [NetlinkAttribute(26)]
    public BridgeVlanSpec? Spec { get; set; }
}
