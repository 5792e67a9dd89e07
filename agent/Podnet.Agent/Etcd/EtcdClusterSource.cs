using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Podnet.Agent.Cluster;
using Podnet.Etcd;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Node;
using Podnet.Node.Routing;

namespace Podnet.Agent.Etcd;

/// <summary>
/// Membership from etcd v3 in flannel's layout. On start it reads the network configuration, lists the subnets, takes
/// this node's subnet (a reservation for its public IP, its own live lease after a restart, or a free subnet won with a
/// create-if-absent transaction), then renews the lease well before it expires and watches the prefix from the listed
/// revision. A compacted watch re-lists; a broken one reconnects with backoff (the client fails over across
/// endpoints). A lost lease is re-acquired, the same subnet first. Bad values are logged and skipped.
/// </summary>
public sealed class EtcdClusterSource : IClusterSource
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(5);
    private readonly IEtcdClient _client;
    private readonly SubnetKeys _keys;
    private readonly string _nodeName;
    private readonly IPAddress? _publicIp;
    private readonly string? _interface;
    private readonly TimeSpan _leaseTtl;

    // The subnet keys as last seen, by key, and the keys of each member (so that an event costs work in proportion to
    // the member it changes, and a listing is linear in the number of keys).
    private readonly Dictionary<string, SubnetLease> _leases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _keysByMember = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _ownKeyLost = new(0);
    private EtcdNetwork? _network;
    private SubnetLease? _own;
    private IPAddress? _ownIp;

    /// <summary>Creates the source over <paramref name="client"/>.</summary>
    public EtcdClusterSource(IEtcdClient client, string prefix, string nodeName, IPAddress? publicIp, string? iface, TimeSpan leaseTtl)
    {
        _client = client;
        _keys = new SubnetKeys(prefix);
        _nodeName = nodeName;
        _publicIp = publicIp;
        _interface = iface;
        _leaseTtl = leaseTtl;
    }

    /// <inheritdoc/>
    public string Name => "etcd";

    /// <summary>The etcd client options given on a command line (<c>--etcd-endpoints</c>, TLS files).</summary>
    public static EtcdClient Connect(CommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var endpoints = new List<Uri>();
        foreach (string part in line.Require("etcd-endpoints").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            endpoints.Add(Uri.TryCreate(part, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new UsageException($"--etcd-endpoints: \"{part}\" is not an http:// or https:// URL"));
        }

        if (endpoints.Count == 0)
        {
            throw new UsageException("--etcd-endpoints is empty");
        }

        return EtcdClient.Create(new EtcdClientOptions
        {
            Endpoints = endpoints,
            CaFile = line.Get("etcd-cacert"),
            CertFile = line.Get("etcd-cert"),
            KeyFile = line.Get("etcd-key"),
        });
    }

    /// <summary>The source for <c>podnetd run --backend etcd</c>.</summary>
    public static EtcdClusterSource FromCommandLine(CommandLine line, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(line);
        IPAddress? ip = line.Get("public-ip") is { } text
            ? Podnet.Cni.IpAddressText.TryParse(text, out IPAddress? parsed) && parsed.AddressFamily == AddressFamily.InterNetwork ? parsed : throw new UsageException($"--public-ip {text}: not an IPv4 address")
            : null;
        string? iface = line.Get("iface");
        if (ip is not null && iface is not null)
        {
            throw new UsageException("give either --public-ip or --iface, not both");
        }

        TimeSpan ttl = Durations.Parse("lease-ttl", line.Get("lease-ttl", "24h")!);
        if (ttl < TimeSpan.FromSeconds(2))
        {
            throw new UsageException($"--lease-ttl {line.Get("lease-ttl")}: at least 2s");
        }

        return new EtcdClusterSource(Connect(line), line.Get("etcd-prefix", SubnetKeys.DefaultPrefix)!, nodeName, ip, iface, ttl);
    }

    /// <inheritdoc/>
    public async Task RunAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        _ownIp = _publicIp ?? FindPublicIp();
        Log.Info($"etcd: node {_nodeName} with public IP {_ownIp}, prefix {_keys.Prefix}");

        long revision = await StartAsync(events, cancellationToken).ConfigureAwait(false);
        Task keeper = KeepLeaseAsync(events, cancellationToken);
        try
        {
            await WatchAsync(events, revision, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await keeper.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        _ownKeyLost.Dispose();
    }

    /// <summary>Reads the configuration, lists, takes this node's subnet and reports the membership; returns the list revision.</summary>
    private async Task<long> StartAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        TimeSpan backoff = TimeSpan.FromMilliseconds(200);
        bool reported = false;
        while (true)
        {
            try
            {
                _network = await ReadNetworkAsync(cancellationToken).ConfigureAwait(false);
                long revision = await ListAsync(cancellationToken).ConfigureAwait(false);
                if (FindOwn() is null)
                {
                    await AcquireAsync(preferred: null, cancellationToken).ConfigureAwait(false);
                    revision = await ListAsync(cancellationToken).ConfigureAwait(false);
                }

                _own = FindOwn() ?? throw new AgentException("the subnet just acquired is gone from etcd");
                if (reported)
                {
                    await events.WriteAsync(new SourceHealth(true, null), cancellationToken).ConfigureAwait(false);
                }

                await events.WriteAsync(Listing(), cancellationToken).ConfigureAwait(false);
                await events.WriteAsync(LocalLeaseEvent(), cancellationToken).ConfigureAwait(false);
                Log.Info($"etcd: this node holds {_own.Subnet} ({(_own.IsReservation ? "reservation" : $"lease {_own.LeaseId:x}")})");
                return revision;
            }
            catch (EtcdUnavailableException e)
            {
                if (!reported)
                {
                    await events.WriteAsync(new SourceHealth(false, e.Message), cancellationToken).ConfigureAwait(false);
                    reported = true;
                }

                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = Next(backoff);
            }
        }
    }

    /// <summary>
    /// Reads the network configuration, waiting while it is missing or invalid: without it the agent cannot tell a
    /// subnet key of the network from a stray one, so it takes no subnet and touches no route until it is fixed (what
    /// an earlier run set up on this node stays as it is). A configuration that goes bad later, while the agent runs,
    /// is refused in the watch and the last good one kept.
    /// </summary>
    private async Task<EtcdNetwork> ReadNetworkAsync(CancellationToken cancellationToken)
    {
        string? said = null;
        while (true)
        {
            EtcdKeyValue? config = await _client.GetAsync(_keys.Config, cancellationToken).ConfigureAwait(false);
            string problem;
            if (config is null)
            {
                problem = $"etcd: no network configuration at {_keys.Config} (create it with 'podnetd network init'); waiting";
            }
            else
            {
                try
                {
                    return EtcdNetwork.Parse(config.Value);
                }
                catch (FormatException e)
                {
                    problem = $"etcd: {_keys.Config} is invalid: {e.Message}; waiting for a valid one ('podnetd network init --force' replaces it)";
                }
            }

            if (problem != said)
            {
                Log.Warn(problem);
                said = problem;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<long> ListAsync(CancellationToken cancellationToken)
    {
        EtcdRange range = await _client.GetPrefixAsync(_keys.Subnets, cancellationToken).ConfigureAwait(false);
        _leases.Clear();
        _keysByMember.Clear();
        foreach (EtcdKeyValue item in range.Items)
        {
            Remember(item);
        }

        return range.Revision;
    }

    /// <summary>Decodes and stores one subnet key; logs and skips a bad one. Returns whether it was stored.</summary>
    private bool Remember(EtcdKeyValue item)
    {
        if (_keys.Parse(item.Key) is not { } subnet)
        {
            Log.Warn($"etcd: skipping {item.Key}: not a subnet key (expected {_keys.Subnets}A.B.C.D-LEN)");
            return false;
        }

        if (_network is { } network && !network.Contains(subnet))
        {
            Log.Warn($"etcd: skipping {item.Key}: {subnet} is not a /{network.SubnetLength} subnet of {network.Network}");
            return false;
        }

        SubnetLease lease;
        try
        {
            lease = SubnetLease.Parse(subnet, item.Value, item.LeaseId, item.ModRevision);
        }
        catch (FormatException e)
        {
            Log.Warn($"etcd: skipping {item.Key}: {e.Message}");
            return false;
        }

        if (_leases.TryGetValue(item.Key, out SubnetLease? previous) && previous.MemberName == lease.MemberName)
        {
            _leases[item.Key] = lease;
            return true;
        }

        Forget(item.Key);
        _leases[item.Key] = lease;
        if (!_keysByMember.TryGetValue(lease.MemberName, out List<string>? keys))
        {
            _keysByMember[lease.MemberName] = keys = [];
        }

        keys.Add(item.Key);
        return true;
    }

    /// <summary>Drops one subnet key from the known keys and from its member's keys.</summary>
    private void Forget(string key)
    {
        if (_leases.Remove(key, out SubnetLease? lease) && _keysByMember.TryGetValue(lease.MemberName, out List<string>? keys))
        {
            keys.Remove(key);
            if (keys.Count == 0)
            {
                _keysByMember.Remove(lease.MemberName);
            }
        }
    }

    /// <summary>This node's subnet among the known keys: a reservation for its IP first, then a lease of its own.</summary>
    private SubnetLease? FindOwn()
    {
        SubnetLease? lease = null;
        foreach (SubnetLease candidate in _leases.Values)
        {
            bool mine = candidate.NodeName == _nodeName || (candidate.NodeName is null && candidate.PublicIp.Equals(_ownIp)) ||
                (candidate.IsReservation && candidate.PublicIp.Equals(_ownIp));
            if (mine && candidate.IsReservation)
            {
                return candidate;
            }

            if (mine)
            {
                lease ??= candidate;
            }
        }

        return lease;
    }

    /// <summary>
    /// Takes a subnet for this node: a live lease of its own is adopted (after a restart), otherwise a new lease is
    /// granted and attached to <paramref name="preferred"/> if still free, else to a free subnet won by a
    /// create-if-absent transaction. Nothing is left behind on failure.
    /// </summary>
    private async Task AcquireAsync(IPNetwork? preferred, CancellationToken cancellationToken)
    {
        EtcdNetwork network = _network ?? throw new AgentException($"cannot take a subnet: the network configuration at {_keys.Config} is missing or invalid");
        EtcdLease lease = await _client.GrantLeaseAsync(_leaseTtl, cancellationToken).ConfigureAwait(false);
        byte[] value = SubnetLease.Value(_ownIp!, _nodeName);
        try
        {
            if (preferred is { } again && await _client.CreateAsync(_keys.For(again), value, lease.Id, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var taken = new HashSet<string>(_leases.Keys, StringComparer.Ordinal);
            var free = network.Subnets().Where(s => !taken.Contains(_keys.For(s))).ToList();

            // Start at a random free subnet so that nodes joining at once rarely collide; a collision just moves on.
            int start = free.Count > 0 ? Random.Shared.Next(free.Count) : 0;
            for (int i = 0; i < free.Count; i++)
            {
                IPNetwork candidate = free[(start + i) % free.Count];
                if (await _client.CreateAsync(_keys.For(candidate), value, lease.Id, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            throw new AgentException($"network {network.Network} has no free /{network.SubnetLength} subnet left ({network.Capacity} between {network.SubnetMin} and {network.SubnetMax}, all taken)");
        }
        catch
        {
            await _client.RevokeLeaseAsync(lease.Id, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    /// <summary>Renews the lease at a third of its TTL; re-acquires it when it is lost.</summary>
    private async Task KeepLeaseAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        TimeSpan interval = TimeSpan.FromTicks(Math.Clamp(_leaseTtl.Ticks / 3, TimeSpan.FromMilliseconds(500).Ticks, TimeSpan.FromMinutes(5).Ticks));
        while (!cancellationToken.IsCancellationRequested)
        {
            bool lost = await _ownKeyLost.WaitAsync(interval, cancellationToken).ConfigureAwait(false);
            SubnetLease own = _own!;
            try
            {
                if (!lost && own.IsReservation)
                {
                    continue;
                }

                TimeSpan? ttl = lost ? null : await _client.KeepAliveAsync(own.LeaseId, cancellationToken).ConfigureAwait(false);
                if (ttl is { } left)
                {
                    await events.WriteAsync(new LocalLease([own.Subnet], DateTimeOffset.UtcNow + left), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Log.Warn($"etcd: the lease of {own.Subnet} is gone; taking a subnet again (the same one if it is still free)");
                await events.WriteAsync(new LeaseLost(), cancellationToken).ConfigureAwait(false);
                await _client.RevokeLeaseAsync(own.LeaseId, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await ListAsync(cancellationToken).ConfigureAwait(false);
                _own = null;
                if (FindOwn() is null)
                {
                    await AcquireAsync(own.Subnet, cancellationToken).ConfigureAwait(false);
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                }

                _own = FindOwn() ?? own;
                Log.Info($"etcd: this node holds {_own.Subnet} again (lease {_own.LeaseId:x})");
                await events.WriteAsync(LocalLeaseEvent(), cancellationToken).ConfigureAwait(false);
            }
            catch (EtcdException e) when (e is not EtcdCompactedException)
            {
                _own ??= own;
                Log.Warn($"etcd: renewing the lease of {own.Subnet} failed: {e.Message}; retrying");
                await events.WriteAsync(new SourceHealth(false, e.Message), cancellationToken).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                if (lost)
                {
                    _ownKeyLost.Release();
                }
            }
            catch (AgentException e)
            {
                _own ??= own;
                Log.Error($"etcd: {e.Message}; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                _ownKeyLost.Release();
            }
        }
    }

    /// <summary>Watches the prefix from <paramref name="revision"/> + 1 until cancelled.</summary>
    private async Task WatchAsync(ChannelWriter<ClusterEvent> events, long revision, CancellationToken cancellationToken)
    {
        TimeSpan backoff = TimeSpan.FromMilliseconds(200);
        bool broken = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (EtcdWatchBatch batch in _client.WatchPrefixAsync(_keys.Prefix + "/", revision + 1, cancellationToken).ConfigureAwait(false))
                {
                    if (broken)
                    {
                        broken = false;
                        backoff = TimeSpan.FromMilliseconds(200);
                        await events.WriteAsync(new SourceHealth(true, null), cancellationToken).ConfigureAwait(false);
                    }

                    foreach (EtcdEvent e in batch.Events)
                    {
                        await ApplyAsync(e, events, cancellationToken).ConfigureAwait(false);
                    }

                    revision = Math.Max(revision, batch.Revision);
                }

                // The server ended the stream: reconnect from where we are.
            }
            catch (EtcdCompactedException e)
            {
                Log.Warn($"etcd: watch from revision {revision + 1} failed: {e.Message}; listing again");
                try
                {
                    revision = await ListAsync(cancellationToken).ConfigureAwait(false);
                    await events.WriteAsync(Listing(), cancellationToken).ConfigureAwait(false);
                    if (FindOwn() is null)
                    {
                        _ownKeyLost.Release();
                    }
                }
                catch (EtcdUnavailableException)
                {
                    broken = true;
                }
            }
            catch (EtcdException e)
            {
                if (!broken)
                {
                    broken = true;
                    Log.Warn($"etcd: watch broke: {e.Message}; reconnecting with backoff, routes are kept");
                    await events.WriteAsync(new SourceHealth(false, e.Message), cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = Next(backoff);
            }
        }
    }

    private async Task ApplyAsync(EtcdEvent e, ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        string key = e.Item.Key;
        if (key == _keys.Config)
        {
            if (e.Type == EtcdEventType.Put)
            {
                try
                {
                    _network = EtcdNetwork.Parse(e.Item.Value);
                    Log.Info($"etcd: network configuration changed: {_network.Network}, /{_network.SubnetLength} subnets");
                    await events.WriteAsync(Listing(), cancellationToken).ConfigureAwait(false);
                }
                catch (FormatException ex)
                {
                    Log.Warn($"etcd: {key} is invalid, keeping the previous configuration: {ex.Message}");
                }
            }

            return;
        }

        _leases.TryGetValue(key, out SubnetLease? before);
        if (e.Type == EtcdEventType.Delete)
        {
            Forget(key);
        }
        else if (!Remember(e.Item))
        {
            return;
        }

        SubnetLease? after = _leases.GetValueOrDefault(key);
        if (before is not null && _own is not null && before.Subnet.Equals(_own.Subnet) && after is null)
        {
            // Our own key went (lease expired behind our back, or revoked by 'podnetd leave'): take it again.
            _ownKeyLost.Release();
        }

        foreach (string? member in new[] { before?.MemberName, after?.MemberName }.Distinct())
        {
            if (member is null)
            {
                continue;
            }

            ClusterNode? node = Member(member);
            await events.WriteAsync(node is null ? new MemberRemoved(NameOf(member)) : new MemberChanged(node), cancellationToken).ConfigureAwait(false);
        }
    }

    private MembershipListed Listing()
    {
        var nodes = _keysByMember.Keys.Select(Member).OfType<ClusterNode>().ToList();
        return new MembershipListed(nodes, _network is { } network ? [network.Network] : []);
    }

    private LocalLease LocalLeaseEvent() =>
        new([_own!.Subnet], _own.IsReservation ? null : DateTimeOffset.UtcNow + _leaseTtl);

    /// <summary>The member a name stands for, with every subnet it holds; <see langword="null"/> when it holds none.</summary>
    private ClusterNode? Member(string memberName)
    {
        if (!_keysByMember.TryGetValue(memberName, out List<string>? keys))
        {
            return null;
        }

        var subnets = new List<IPNetwork>(keys.Count);
        IPAddress? ip = null;
        foreach (string key in keys)
        {
            SubnetLease lease = _leases[key];
            subnets.Add(lease.Subnet);
            ip ??= lease.PublicIp;
        }

        subnets.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        return ip is null ? null : new ClusterNode(NameOf(memberName), [ip], subnets);
    }

    /// <summary>The member name in the membership: this node's own name for the entries that are this node's.</summary>
    private string NameOf(string memberName) =>
        memberName == _ownIp?.ToString() ? _nodeName : memberName;

    /// <summary>The node's address: that of <c>--iface</c>, or the source address towards the first etcd endpoint.</summary>
    private IPAddress FindPublicIp()
    {
        using Rtnetlink netlink = Rtnetlink.Open();
        if (_interface is { } name)
        {
            LinkMessage link = netlink.Links.Find(name) ?? throw new AgentException($"--iface {name}: no such interface");
            foreach (AddressMessage address in netlink.Addresses.List(RouteAddressFamily.Inet))
            {
                if (address.InterfaceIndex == link.Index && (address.Local ?? address.Address) is { } ip)
                {
                    return ip;
                }
            }

            throw new AgentException($"--iface {name} has no IPv4 address");
        }

        throw new AgentException("give --public-ip or --iface: the node's address on the node network");
    }

    private static TimeSpan Next(TimeSpan backoff) => TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
}
