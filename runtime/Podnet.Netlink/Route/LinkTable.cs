namespace Podnet.Netlink.Route;

/// <summary>Link operations over rtnetlink (what <c>ip link</c> does).</summary>
public sealed class LinkTable
{
    private const uint RtextFilterSkipStats = 1 << 3;
    private readonly NetlinkSocket _socket;

    internal LinkTable(NetlinkSocket socket) => _socket = socket;

    /// <summary>The link named <paramref name="name"/>, or <see langword="null"/> when there is none.</summary>
    public LinkMessage? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return FindCore(new LinkMessage { Name = name, ExtendedMask = RtextFilterSkipStats });
    }

    /// <summary>The link with index <paramref name="index"/>, or <see langword="null"/> when there is none.</summary>
    public LinkMessage? Find(int index) =>
        FindCore(new LinkMessage { Header = new InterfaceInfoHeader { Index = index }, ExtendedMask = RtextFilterSkipStats });

    /// <summary>The link named <paramref name="name"/>.</summary>
    /// <exception cref="NetlinkException">ENODEV when there is no such link.</exception>
    public LinkMessage Get(string name) =>
        _socket.RequestReply(RouteMessageType.GetLink, NetlinkMessageFlags.None, new LinkMessage { Name = name, ExtendedMask = RtextFilterSkipStats });

    /// <summary>The link with index <paramref name="index"/>.</summary>
    /// <exception cref="NetlinkException">ENODEV when there is no such link.</exception>
    public LinkMessage Get(int index) =>
        _socket.RequestReply(RouteMessageType.GetLink, NetlinkMessageFlags.None, new LinkMessage { Header = new InterfaceInfoHeader { Index = index }, ExtendedMask = RtextFilterSkipStats });

    /// <summary>Every link in the namespace.</summary>
    public List<LinkMessage> List() =>
        _socket.DumpWithRetry(RouteMessageType.GetLink, new LinkMessage { ExtendedMask = RtextFilterSkipStats });

    /// <summary>Creates a bridge (fails with EEXIST when the name is taken).</summary>
    public void CreateBridge(string name, BridgeLinkData? settings = null, uint? mtu = null, MacAddress? address = null)
    {
        var message = new LinkMessage
        {
            Name = name,
            Mtu = mtu,
            Address = address,
            LinkInfo = new LinkInfo { Kind = "bridge", Data = settings },
        };
        _socket.Request(RouteMessageType.NewLink, NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive, message);
    }

    /// <summary>Creates a link of a kind without kind-specific data (for example <c>dummy</c>).</summary>
    public void Create(string name, string kind, uint? mtu = null)
    {
        var message = new LinkMessage { Name = name, Mtu = mtu, LinkInfo = new LinkInfo { Kind = kind } };
        _socket.Request(RouteMessageType.NewLink, NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive, message);
    }

    /// <summary>
    /// Creates a veth pair in one request. The peer is created directly in the namespace open at
    /// <see cref="VethPair.PeerNamespace"/> (when given), so it never appears in this namespace.
    /// </summary>
    public void CreateVethPair(VethPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var peer = new LinkMessage
        {
            Name = pair.PeerName,
            Mtu = pair.Mtu,
            Address = pair.PeerAddress,
            NetworkNamespaceFd = pair.PeerNamespace is { } ns ? ns.Handle.Fd : null,
        };
        var message = new LinkMessage
        {
            Name = pair.Name,
            Mtu = pair.Mtu,
            Address = pair.Address,
            LinkInfo = new LinkInfo { Kind = "veth", Data = new VethLinkData { Peer = peer } },
        };

        bool added = false;
        pair.PeerNamespace?.Handle.DangerousAddRef(ref added);
        try
        {
            _socket.Request(RouteMessageType.NewLink, NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive, message);
        }
        finally
        {
            if (added)
            {
                pair.PeerNamespace!.Handle.DangerousRelease();
            }
        }
    }

    /// <summary>Sets the link administratively up.</summary>
    public void SetUp(int index) => SetFlags(index, InterfaceFlags.Up, InterfaceFlags.Up);

    /// <summary>Sets the link administratively down.</summary>
    public void SetDown(int index) => SetFlags(index, InterfaceFlags.None, InterfaceFlags.Up);

    /// <summary>Turns promiscuous mode on or off.</summary>
    public void SetPromiscuous(int index, bool on) =>
        SetFlags(index, on ? InterfaceFlags.Promiscuous : InterfaceFlags.None, InterfaceFlags.Promiscuous);

    /// <summary>Makes the link a port of <paramref name="masterIndex"/> (0 releases it).</summary>
    public void SetMaster(int index, int masterIndex) => Change(new LinkMessage { Header = Header(index), Master = masterIndex });

    /// <summary>Sets the MTU.</summary>
    public void SetMtu(int index, uint mtu) => Change(new LinkMessage { Header = Header(index), Mtu = mtu });

    /// <summary>Sets the link-layer address.</summary>
    public void SetAddress(int index, MacAddress address) => Change(new LinkMessage { Header = Header(index), Address = address });

    /// <summary>Renames a link (it must be down).</summary>
    public void Rename(int index, string name) => Change(new LinkMessage { Header = Header(index), Name = name });

    /// <summary>Changes bridge-port flags of a link enslaved to a bridge; <see langword="null"/> leaves a flag alone.</summary>
    public void SetBridgePort(int index, bool? hairpin = null, bool? isolated = null, bool? learning = null)
    {
        var data = new BridgePortData
        {
            Hairpin = ToByte(hairpin),
            Isolated = ToByte(isolated),
            Learning = ToByte(learning),
        };
        Change(new LinkMessage { Header = Header(index), LinkInfo = new LinkInfo { PortKind = "bridge", PortData = data } });
    }

    /// <summary>Changes bridge settings (for example VLAN filtering).</summary>
    public void SetBridge(int index, BridgeLinkData settings) =>
        Change(new LinkMessage { Header = Header(index), LinkInfo = new LinkInfo { Kind = "bridge", Data = settings } });

    /// <summary>Deletes the link (for a veth, both ends).</summary>
    /// <exception cref="NetlinkException">ENODEV when there is no such link.</exception>
    public void Delete(int index) =>
        _socket.Request(RouteMessageType.DeleteLink, NetlinkMessageFlags.None, new LinkMessage { Header = Header(index) });

    /// <summary>Deletes the link by name.</summary>
    /// <exception cref="NetlinkException">ENODEV when there is no such link.</exception>
    public void Delete(string name) =>
        _socket.Request(RouteMessageType.DeleteLink, NetlinkMessageFlags.None, new LinkMessage { Name = name });

    /// <summary>Deletes the link if it exists; returns whether it did.</summary>
    public bool DeleteIfExists(string name)
    {
        try
        {
            Delete(name);
            return true;
        }
        catch (NetlinkException e) when (e.Errno == Errno.ENODEV)
        {
            return false;
        }
    }

    private static InterfaceInfoHeader Header(int index) => new() { Index = index };

    private static byte? ToByte(bool? value) => value is { } v ? (byte)(v ? 1 : 0) : null;

    private void SetFlags(int index, InterfaceFlags flags, InterfaceFlags change) =>
        Change(new LinkMessage { Header = new InterfaceInfoHeader { Index = index, Flags = flags, Change = change } });

    private void Change(LinkMessage message) => _socket.Request(RouteMessageType.NewLink, NetlinkMessageFlags.None, message);

    private LinkMessage? FindCore(LinkMessage request)
    {
        try
        {
            return _socket.RequestReply(RouteMessageType.GetLink, NetlinkMessageFlags.None, request);
        }
        catch (NetlinkException e) when (e.Errno == Errno.ENODEV)
        {
            return null;
        }
    }
}

/// <summary>A veth pair to create: this end, its peer, and where the peer goes.</summary>
public sealed record VethPair(string Name, string PeerName)
{
    /// <summary>The network namespace the peer is created in (sent as <c>IFLA_NET_NS_FD</c>), or null for this one.</summary>
    public NetworkNamespace? PeerNamespace { get; init; }

    /// <summary>MTU for both ends.</summary>
    public uint? Mtu { get; init; }

    /// <summary>MAC of this end (kernel-chosen when null).</summary>
    public MacAddress? Address { get; init; }

    /// <summary>MAC of the peer (kernel-chosen when null).</summary>
    public MacAddress? PeerAddress { get; init; }
}
