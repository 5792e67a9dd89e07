namespace Podnet.Netlink.Route;

/// <summary>VLAN membership of bridge ports on a VLAN-filtering bridge (what <c>bridge vlan</c> does).</summary>
public sealed class BridgeVlanTable
{
    private readonly NetlinkSocket _socket;

    internal BridgeVlanTable(NetlinkSocket socket) => _socket = socket;

    /// <summary>Makes port <paramref name="index"/> a member of VLAN <paramref name="vlanId"/> (replaces the flags when it is one).</summary>
    /// <param name="index">The bridge port.</param>
    /// <param name="vlanId">1 to 4094.</param>
    /// <param name="flags">For example <see cref="BridgeVlanFlags.Pvid"/> | <see cref="BridgeVlanFlags.Untagged"/> for an access port.</param>
    public void Add(int index, ushort vlanId, BridgeVlanFlags flags = BridgeVlanFlags.None) =>
        _socket.Request(RouteMessageType.SetLink, NetlinkMessageFlags.None, Build(index, vlanId, flags));

    /// <summary>Removes port <paramref name="index"/> from VLAN <paramref name="vlanId"/>.</summary>
    public void Delete(int index, ushort vlanId) =>
        _socket.Request(RouteMessageType.DeleteLink, NetlinkMessageFlags.None, Build(index, vlanId, BridgeVlanFlags.None));

    private static BridgeVlanMessage Build(int index, ushort vlanId, BridgeVlanFlags flags) => new()
    {
        Header = new InterfaceInfoHeader { Family = RouteAddressFamily.Bridge, Index = index },
        Spec = new BridgeVlanSpec { VlanInfo = [new BridgeVlanInfo(vlanId, flags).ToBytes()] },
    };
}
