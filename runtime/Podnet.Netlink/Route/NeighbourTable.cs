using System.Net;
using System.Net.Sockets;

namespace Podnet.Netlink.Route;

/// <summary>Neighbour (ARP/NDP) cache operations over rtnetlink (what <c>ip neigh</c> does).</summary>
public sealed class NeighbourTable
{
    private readonly NetlinkSocket _socket;

    internal NeighbourTable(NetlinkSocket socket) => _socket = socket;

    /// <summary>Adds or replaces a permanent entry: <paramref name="destination"/> is at <paramref name="linkLayerAddress"/> via link <paramref name="index"/>.</summary>
    /// <exception cref="NetlinkException">ENODEV when there is no such link.</exception>
    public void AddPermanent(int index, IPAddress destination, MacAddress linkLayerAddress)
    {
        NeighbourMessage message = Build(index, destination, NeighbourState.Permanent);
        message.LinkLayerAddress = linkLayerAddress;
        _socket.Request(RouteMessageType.NewNeighbour, NetlinkMessageFlags.Create | NetlinkMessageFlags.Replace, message);
    }

    /// <summary>Deletes the entry for <paramref name="destination"/> on link <paramref name="index"/>.</summary>
    /// <exception cref="NetlinkException">ENOENT when there is no such entry.</exception>
    public void Delete(int index, IPAddress destination) =>
        _socket.Request(RouteMessageType.DeleteNeighbour, NetlinkMessageFlags.None, Build(index, destination, NeighbourState.None));

    /// <summary>Entries of one family (or all), optionally of one link only (filtered by the kernel).</summary>
    public List<NeighbourMessage> List(RouteAddressFamily family = RouteAddressFamily.Unspecified, int index = 0)
    {
        // Strict dump checking wants a zero header apart from the family; the link filter goes in NDA_IFINDEX.
        var request = new NeighbourMessage
        {
            Header = new NeighbourHeader { Family = family },
            InterfaceFilter = index == 0 ? null : index,
        };
        return _socket.DumpWithRetry(RouteMessageType.GetNeighbour, request);
    }

    private static NeighbourMessage Build(int index, IPAddress destination, NeighbourState state)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return new NeighbourMessage
        {
            Header = new NeighbourHeader
            {
                Family = destination.AddressFamily == AddressFamily.InterNetworkV6 ? RouteAddressFamily.Inet6 : RouteAddressFamily.Inet,
                Index = index,
                State = state,
            },
            Destination = destination,
        };
    }
}
