namespace Podnet.Netlink.Route;

/// <summary>
/// An rtnetlink connection in one network namespace: links, addresses and routes, all over one socket and all
/// encoded by the generated message types. Not thread-safe; open one per thread.
/// </summary>
public sealed class Rtnetlink : IDisposable
{
    private Rtnetlink(NetlinkSocket socket, string? namespacePath)
    {
        Socket = socket;
        NamespacePath = namespacePath;
        Links = new LinkTable(socket);
        Addresses = new AddressTable(socket);
        Routes = new RouteTable(socket);
        Neighbours = new NeighbourTable(socket);
    }

    /// <summary>The underlying socket.</summary>
    public NetlinkSocket Socket { get; }

    /// <summary>The namespace path this connection was opened in, or <see langword="null"/> for the caller's own.</summary>
    public string? NamespacePath { get; }

    /// <summary>Links: get, list, create bridges and veth pairs, change, delete.</summary>
    public LinkTable Links { get; }

    /// <summary>Interface addresses.</summary>
    public AddressTable Addresses { get; }

    /// <summary>Routes.</summary>
    public RouteTable Routes { get; }

    /// <summary>
    /// Wraps an open rtnetlink socket, for example one made with <see cref="NetlinkSocket.Over"/> over a fake kernel
    /// (tests drive the API this way). The connection owns the socket.
    /// </summary>
    public static Rtnetlink Over(NetlinkSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return new(socket, null);
    }

    /// <summary>Neighbour (ARP/NDP) entries.</summary>
    public NeighbourTable Neighbours { get; }

    /// <summary>Opens a connection in the calling thread's network namespace.</summary>
    public static Rtnetlink Open() => new(NetlinkSocket.Open(NetlinkProtocol.Route), null);

    /// <summary>Opens a connection inside the namespace at <paramref name="namespacePath"/> without switching the caller's.</summary>
    public static Rtnetlink OpenIn(string namespacePath) =>
        new(NetworkNamespace.OpenSocket(namespacePath, NetlinkProtocol.Route), namespacePath);

    /// <summary>Starts watching link events in the same namespace (subscribe first, then act, then wait).</summary>
    public LinkWatcher WatchLinks()
    {
        NetlinkSocket socket = NamespacePath is null
            ? NetlinkSocket.Open(NetlinkProtocol.Route)
            : NetworkNamespace.OpenSocket(NamespacePath, NetlinkProtocol.Route);
        return new LinkWatcher(socket, Links);
    }

    /// <inheritdoc/>
    public void Dispose() => Socket.Dispose();
}
