using System.Runtime.InteropServices;

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

/// <summary>The <c>AF_BRIDGE</c> part of <c>IFLA_AF_SPEC</c>: VLAN entries of a port.</summary>
[NetlinkAttributeSet]
public sealed partial class BridgeVlanSpec
{
    /// <summary><c>IFLA_BRIDGE_VLAN_INFO</c>, repeated: each a 4-byte <c>struct bridge_vlan_info</c> (see <see cref="BridgeVlanInfo.ToBytes"/>).</summary>
    [NetlinkAttribute(2, Repeated = true)]
    public List<byte[]>? VlanInfo { get; set; }
}

/// <summary><c>BRIDGE_VLAN_INFO_*</c>: how a port is a member of a VLAN.</summary>
[Flags]
public enum BridgeVlanFlags : ushort
{
    /// <summary>A tagged member: frames of the VLAN enter and leave tagged.</summary>
    None = 0,

    /// <summary><c>BRIDGE_VLAN_INFO_MASTER</c>: the entry is for the bridge device itself.</summary>
    Master = 0x1,

    /// <summary><c>BRIDGE_VLAN_INFO_PVID</c>: untagged ingress frames get this VLAN.</summary>
    Pvid = 0x2,

    /// <summary><c>BRIDGE_VLAN_INFO_UNTAGGED</c>: egress frames leave untagged.</summary>
    Untagged = 0x4,
}

/// <summary><c>struct bridge_vlan_info</c>: flags and VLAN id, both native-endian u16, as carried in <c>IFLA_BRIDGE_VLAN_INFO</c>.</summary>
public readonly record struct BridgeVlanInfo(ushort VlanId, BridgeVlanFlags Flags)
{
    /// <summary>The 4 bytes of the struct.</summary>
    public byte[] ToBytes()
    {
        byte[] bytes = new byte[4];
        MemoryMarshal.Write(bytes, (ushort)Flags);
        MemoryMarshal.Write(bytes.AsSpan(2), VlanId);
        return bytes;
    }
}
