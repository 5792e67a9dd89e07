namespace Podnet.Netlink.Route;

/// <summary>The <c>AF_BRIDGE</c> part of <c>IFLA_AF_SPEC</c>: VLAN entries of a port.</summary>
[NetlinkAttributeSet]
public sealed partial class BridgeVlanSpec
{
    /// <summary><c>IFLA_BRIDGE_VLAN_INFO</c>, repeated: each a 4-byte <c>struct bridge_vlan_info</c> (see <see cref="BridgeVlanInfo"/>).</summary>
    [NetlinkAttribute(2, Repeated = true)]
    public List<byte[]>? VlanInfo { get; set; }
}
