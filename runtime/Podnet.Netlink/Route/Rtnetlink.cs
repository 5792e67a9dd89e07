namespace Podnet.Netlink.Route;

/// <summary>
/// An rtnetlink connection in one network namespace: links, addresses, routes, neighbours and bridge VLANs, all over
/// one socket and all encoded by the generated message types. Not thread-safe; open one per thread.
/// </summary>
/// <remarks>
/// Every table has one calling style: objects that belong to a link (addresses, neighbours, bridge VLANs, the link's
/// own settings) are named by the link's index first, then by what they are; routes, which need not name a link, by a
/// <see cref="RouteSpec"/>. <c>List</c> returns the kernel's messages, whose members (<see cref="LinkMessage.Index"/>,
/// <see cref="LinkMessage.IsUp"/>, <see cref="RouteMessage.DestinationLength"/>, …) read their fixed header.
/// </remarks>
public sealed class Rtnetlink : IDisposable
{
    private readonly bool _ownsNamespace;

    private Rtnetlink(NetlinkSocket socket, NetworkNamespace? networkNamespace, bool ownsNamespace)
    {
        Socket = socket;
        Namespace = networkNamespace;
        _ownsNamespace = ownsNamespace;
        Links = new LinkTable(socket);
        Addresses = new AddressTable(socket);
        Routes = new RouteTable(socket);
        Neighbours = new NeighbourTable(socket);
        BridgeVlans = new BridgeVlanTable(socket);
    }

    /// <summary>The underlying socket.</summary>
    public NetlinkSocket Socket { get; }

    /// <summary>The namespace this connection was opened in, or <see langword="null"/> for the caller's own.</summary>
    public NetworkNamespace? Namespace { get; }

    /// <summary>Links: get, list, create bridges and veth pairs, change, delete.</summary>
    public LinkTable Links { get; }

    /// <summary>Interface addresses.</summary>
    public AddressTable Addresses { get; }

    /// <summary>Routes.</summary>
    public RouteTable Routes { get; }

    /// <summary>Neighbour (ARP/NDP) entries.</summary>
    public NeighbourTable Neighbours { get; }

    /// <summary>VLAN membership of bridge ports.</summary>
    public BridgeVlanTable BridgeVlans { get; }

    /// <summary>
    /// Wraps an open rtnetlink socket, for example one made with <see cref="NetlinkSocket.Over"/> over a fake kernel
    /// (tests drive the API this way). The connection owns the socket.
    /// </summary>
    public static Rtnetlink Over(NetlinkSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return new(socket, null, ownsNamespace: false);
    }

    /// <summary>Opens a connection in the calling thread's network namespace.</summary>
    public static Rtnetlink Open() => new(NetlinkSocket.Open(NetlinkProtocol.Route), null, ownsNamespace: false);

    /// <summary>
    /// Opens a connection inside <paramref name="networkNamespace"/> without switching the caller's. The caller keeps
    /// the namespace open at least as long as the connection uses it (<see cref="WatchLinks"/>).
    /// </summary>
    public static Rtnetlink OpenIn(NetworkNamespace networkNamespace)
    {
        ArgumentNullException.ThrowIfNull(networkNamespace);
        return new(networkNamespace.OpenSocket(NetlinkProtocol.Route), networkNamespace, ownsNamespace: false);
    }

    /// <summary>Opens the namespace at <paramref name="namespacePath"/> (<see cref="NetworkNamespace.Open"/>) and a connection inside it; the connection closes it.</summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static Rtnetlink OpenIn(string namespacePath)
    {
        NetworkNamespace networkNamespace = NetworkNamespace.Open(namespacePath);
        try
        {
            return new(networkNamespace.OpenSocket(NetlinkProtocol.Route), networkNamespace, ownsNamespace: true);
        }
        catch
        {
            networkNamespace.Dispose();
            throw;
        }
    }

    /// <summary>Starts watching link events in the same namespace (subscribe first, then act, then wait).</summary>
    public LinkWatcher WatchLinks()
    {
        NetlinkSocket socket = Namespace is null ? NetlinkSocket.Open(NetlinkProtocol.Route) : Namespace.OpenSocket(NetlinkProtocol.Route);
        return new LinkWatcher(socket, Links);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Socket.Dispose();
        if (_ownsNamespace)
        {
            Namespace!.Dispose();
        }
    }
}
