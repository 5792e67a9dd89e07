namespace Podnet.Netlink.Route;

/// <summary>VLAN membership of bridge ports (what <c>bridge vlan</c> does).</summary>
public static class BridgeVlanTable
{
    /// <summary>Adds VLAN <paramref name="vid"/> to port <paramref name="portIndex"/> with <see cref="BridgeVlanInfo"/> flags.</summary>
    public static void Add(NetlinkSocket socket, int portIndex, ushort vid, ushort flags)
    {
        ArgumentNullException.ThrowIfNull(socket);
        socket.Request(RouteMessageType.SetLink, NetlinkMessageFlags.None, Build(portIndex, vid, flags));
    }

    /// <summary>Removes VLAN <paramref name="vid"/> from port <paramref name="portIndex"/>.</summary>
    public static void Delete(NetlinkSocket socket, int portIndex, ushort vid)
    {
        ArgumentNullException.ThrowIfNull(socket);
        socket.Request(RouteMessageType.DeleteLink, NetlinkMessageFlags.None, Build(portIndex, vid, 0));
    }

    private static BridgeVlanMessage Build(int portIndex, ushort vid, ushort flags) => new()
    {
        Header = new InterfaceInfoHeader { Family = RouteAddressFamily.Bridge, Index = portIndex },
        Spec = new BridgeVlanSpec { VlanInfo = [BridgeVlanInfo.Encode(vid, flags)] },
    };
}
