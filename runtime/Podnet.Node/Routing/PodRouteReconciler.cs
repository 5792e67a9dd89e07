using System.Net.Sockets;
using System.Net;
using Podnet.Netlink.Route;
using Podnet.Netlink;

namespace Podnet.Node.Routing;

/// <summary>
/// Makes this node's routes to other nodes' pod subnets match the cluster membership (flannel host-gw style): one
/// route per remote pod CIDR via that node's IP on the shared segment. Routes it owns carry
/// <see cref="OwnerProtocol"/>; routes with another protocol are never changed or removed.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Reconcile"/> is the full pass: one dump of the main table of each family, then every difference is
/// fixed; its own work is linear in the number of nodes (hash lookups only; a peer whose address is on a connected
/// subnet costs no kernel round trip). It also remembers what it saw and did, so that <see cref="Update"/> can apply
/// the change of a few nodes with work proportional to that change: no dump, only the route requests the change needs.
/// A route changed behind the reconciler's back is caught by the next full pass (the agent runs one on every route
/// event it did not cause and on every resync).
/// </para>
/// <para>Not thread-safe: one caller at a time.</para>
/// </remarks>
public sealed class PodRouteReconciler(Rtnetlink netlink, UnreachablePeerPolicy unreachablePeers = UnreachablePeerPolicy.Fail)
{
    /// <summary>The <c>rtm_protocol</c> marking routes podnet owns (unassigned in <c>/etc/iproute2/rt_protos</c>).</summary>
    public const byte OwnerProtocol = 98;

    private const uint Ipv6DefaultMetric = 1024;

    // What the main tables held at the last full pass, updated with every change made since (default-metric routes only).
    private readonly Dictionary<RouteKey, KnownRoute> _kernel = [];

    // The routes wanted per peer at the last pass, and which peer wants each destination.
    private readonly Dictionary<string, List<DesiredRoute>> _desiredByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<RouteKey, string> _ownerOf = [];

    // Every node that wants each destination (more than one only when nodes claim the same pod subnet).
    private readonly Dictionary<RouteKey, List<string>> _claims = [];
    private readonly HashSet<RouteKey> _refused = [];
    private ConnectedRoutes? _connected;

    /// <summary>Whether a full pass has run, so that <see cref="Update"/> has a view of the table to work from.</summary>
    public bool HasBaseline => _connected is not null;

    /// <summary>The number of routes this reconciler wants (one per remote pod subnet it could route).</summary>
    public int DesiredCount => _ownerOf.Count;

    /// <summary>
    /// The full pass: dumps both main tables and adds, replaces or removes podnet's routes until they match
    /// <paramref name="nodes"/> as seen from <paramref name="self"/>.
    /// </summary>
    /// <exception cref="RouteSyncException"><paramref name="self"/> is not a member, or (with <see cref="UnreachablePeerPolicy.Fail"/>) a peer is not on-link; nothing was changed.</exception>
    /// <exception cref="NetlinkException">The kernel refused a change.</exception>
    public SyncReport Reconcile(IReadOnlyList<ClusterNode> nodes, string self)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ClusterNode me = Find(nodes, self);
        List<RouteMessage> ipv4 = netlink.Routes.List(RouteAddressFamily.Inet);
        List<RouteMessage> ipv6 = netlink.Routes.List(RouteAddressFamily.Inet6);
        var connected = new ConnectedRoutes(ipv4.Concat(ipv6));

        var kernel = new Dictionary<RouteKey, KnownRoute>(ipv4.Count + ipv6.Count);
        var owned = new List<(RouteKey Key, RouteMessage Route)>();
        foreach (RouteMessage route in ipv4.Concat(ipv6))
        {
            RouteKey key = RouteKey.Of(route);
            if (HasDefaultMetric(route))
            {
                kernel.TryAdd(key, KnownRoute.Of(route));
            }

            if (route.Protocol == OwnerProtocol)
            {
                owned.Add((key, route));
            }
        }

        var report = new SyncReport();
        _refused.Clear();
        Dictionary<string, List<DesiredRoute>> desired = Desire(nodes, me, connected, report);

        _kernel.Clear();
        foreach ((RouteKey key, KnownRoute route) in kernel)
        {
            _kernel[key] = route;
        }

        _connected = connected;
        _desiredByNode.Clear();
        _ownerOf.Clear();
        _claims.Clear();
        foreach ((string node, List<DesiredRoute> routes) in desired)
        {
            _desiredByNode[node] = routes;
            foreach (DesiredRoute route in routes)
            {
                _ownerOf.TryAdd(route.Key, node);
                Claim(route.Key, node);
            }
        }

        var changes = new List<DesiredRoute>();
        foreach (List<DesiredRoute> routes in desired.Values)
        {
            foreach (DesiredRoute want in routes)
            {
                if (_ownerOf[want.Key] == want.Node && Plan(want, report))
                {
                    changes.Add(want);
                }
            }
        }

        Apply(changes, report);

        foreach ((RouteKey key, RouteMessage route) in owned)
        {
            // A refused peer's existing route is left as it is: a peer that is briefly unreachable keeps its route.
            if (!_ownerOf.ContainsKey(key) && !_refused.Contains(key))
            {
                netlink.Routes.Delete(route);
                _kernel.Remove(key);
                report.Changes.Add(new RouteChange(RouteChangeKind.Removed, key.ToString(), "(no node has this pod subnet any more)"));
            }
        }

        return report;
    }

    /// <summary>
    /// Applies the change of the nodes named in <paramref name="changed"/> (joined, changed or gone: a name that is not
    /// in <paramref name="nodes"/> any more is a node that left), working from the view of the last full pass. Costs
    /// one route request per route that must change, and no dump.
    /// </summary>
    /// <exception cref="InvalidOperationException">No full pass has run yet (<see cref="HasBaseline"/>).</exception>
    /// <exception cref="RouteSyncException"><paramref name="self"/> is not a member, or (with <see cref="UnreachablePeerPolicy.Fail"/>) a peer is not on-link; nothing was changed.</exception>
    /// <exception cref="NetlinkException">The kernel refused a change.</exception>
    public SyncReport Update(IReadOnlyDictionary<string, ClusterNode> nodes, string self, IReadOnlyCollection<string> changed)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(changed);
        ConnectedRoutes connected = _connected ?? throw new InvalidOperationException("Update needs a full Reconcile first.");
        ClusterNode me = nodes.TryGetValue(self, out ClusterNode? found) ? found : throw new RouteSyncException($"node {self} is not in the cluster membership");

        var report = new SyncReport();
        var upserts = new Dictionary<string, List<DesiredRoute>>(StringComparer.Ordinal);
        foreach (string name in changed)
        {
            if (name != me.Name && nodes.TryGetValue(name, out ClusterNode? peer))
            {
                upserts[name] = DesirePeer(peer, connected, report);
            }
        }

        var changes = new List<DesiredRoute>();
        var released = new List<RouteKey>();
        foreach (string name in changed)
        {
            List<DesiredRoute> before = _desiredByNode.GetValueOrDefault(name) ?? [];
            List<DesiredRoute> after = upserts.GetValueOrDefault(name) ?? [];
            var afterKeys = new HashSet<RouteKey>(after.Select(r => r.Key));
            foreach (DesiredRoute gone in before)
            {
                if (!afterKeys.Contains(gone.Key))
                {
                    Unclaim(gone.Key, name);
                    if (_ownerOf.GetValueOrDefault(gone.Key) == name)
                    {
                        _ownerOf.Remove(gone.Key);
                        released.Add(gone.Key);
                    }
                }
            }

            if (after.Count > 0)
            {
                _desiredByNode[name] = after;
            }
            else
            {
                _desiredByNode.Remove(name);
            }

            foreach (DesiredRoute want in after)
            {
                Claim(want.Key, name);

                // A pod subnet another node already claims stays with that node (the conflict is reported once, there).
                if (_ownerOf.TryGetValue(want.Key, out string? owner) && owner != name)
                {
                    continue;
                }

                _ownerOf[want.Key] = name;
                if (Plan(want, report))
                {
                    changes.Add(want);
                }
            }
        }

        // A destination given up by its owner goes to another node that claims it, if any; otherwise its route goes.
        var removals = new List<RouteKey>();
        foreach (RouteKey key in released)
        {
            if (_ownerOf.ContainsKey(key))
            {
                continue;
            }

            if (_claims.TryGetValue(key, out List<string>? others) && others.Count > 0)
            {
                string heir = others[0];
                _ownerOf[key] = heir;
                DesiredRoute want = _desiredByNode[heir].First(r => r.Key == key);
                if (Plan(want, report))
                {
                    changes.Add(want);
                }
            }
            else
            {
                removals.Add(key);
            }
        }

        Apply(changes, report);
        foreach (RouteKey key in removals)
        {
            if (_kernel.TryGetValue(key, out KnownRoute current) && current.Protocol == OwnerProtocol)
            {
                try
                {
                    netlink.Routes.Delete(current.ToSpec(key));
                }
                catch (NetlinkException e) when (e.Errno == Errno.ESRCH)
                {
                    // Already gone (deleted by hand): the outcome is the same.
                }

                _kernel.Remove(key);
                report.Changes.Add(new RouteChange(RouteChangeKind.Removed, key.ToString(), "(no node has this pod subnet any more)"));
            }
        }

        return report;
    }

    /// <summary>
    /// Whether a route change reported by the kernel is one this reconciler expects (its own change echoed back, or a
    /// change to a route podnet does not care about). Anything else calls for a full pass.
    /// </summary>
    public bool Explains(RouteMessage route, bool deleted)
    {
        ArgumentNullException.ThrowIfNull(route);
        RouteKey key = RouteKey.Of(route);
        bool ours = _ownerOf.ContainsKey(key);
        if (!ours && route.Protocol != OwnerProtocol)
        {
            return true;
        }

        if (deleted)
        {
            // Our own removal of a route nobody wants any more, or of a route we replaced.
            return !ours && !_kernel.ContainsKey(key);
        }

        return _kernel.TryGetValue(key, out KnownRoute known) && known.Equals(KnownRoute.Of(route));
    }

    private void Claim(RouteKey key, string node)
    {
        if (!_claims.TryGetValue(key, out List<string>? nodes))
        {
            _claims[key] = nodes = [];
        }

        if (!nodes.Contains(node))
        {
            nodes.Add(node);
        }
    }

    private void Unclaim(RouteKey key, string node)
    {
        if (_claims.TryGetValue(key, out List<string>? nodes) && nodes.Remove(node) && nodes.Count == 0)
        {
            _claims.Remove(key);
        }
    }

    private static ClusterNode Find(IReadOnlyList<ClusterNode> nodes, string self)
    {
        foreach (ClusterNode node in nodes)
        {
            if (node.Name == self)
            {
                return node;
            }
        }

        throw new RouteSyncException($"node {self} is not in the cluster description");
    }

    /// <summary>Reports a conflict or an unchanged route; returns whether the route must be added or replaced.</summary>
    private bool Plan(DesiredRoute want, SyncReport report)
    {
        string destination = want.Spec.Destination.ToString();
        if (_kernel.TryGetValue(want.Key, out KnownRoute current))
        {
            if (current.Protocol != OwnerProtocol)
            {
                report.Changes.Add(new RouteChange(RouteChangeKind.Conflict, destination,
                    $"exists with protocol {current.Protocol} (not podnet's); left alone"));
                return false;
            }

            if (Equals(current.Gateway, want.Spec.Gateway) && current.OutputInterface == want.Spec.OutputInterface)
            {
                report.Changes.Add(new RouteChange(RouteChangeKind.Unchanged, destination, $"via {want.Spec.Gateway}"));
                return false;
            }
        }

        return true;
    }

    /// <summary>Sends every add and replace in one pipelined exchange; the first kernel error fails the sync.</summary>
    private void Apply(List<DesiredRoute> changes, SyncReport report)
    {
        if (changes.Count == 0)
        {
            return;
        }

        NetlinkException?[] failures = netlink.Routes.ReplaceMany([.. changes.Select(c => c.Spec)]);
        for (int i = 0; i < changes.Count; i++)
        {
            DesiredRoute want = changes[i];
            if (failures[i] is { } failure)
            {
                // The view of the table is no longer to be trusted for this key: the next full pass re-reads it.
                _kernel.Remove(want.Key);
                throw failure;
            }

            string destination = want.Spec.Destination.ToString();
            bool existed = _kernel.TryGetValue(want.Key, out KnownRoute previous);
            _kernel[want.Key] = new KnownRoute(OwnerProtocol, want.Spec.Gateway, want.Spec.OutputInterface);
            report.Changes.Add(existed
                ? new RouteChange(RouteChangeKind.Replaced, destination, $"via {want.Spec.Gateway} ({want.Node}), was via {previous.Gateway?.ToString() ?? "direct"}")
                : new RouteChange(RouteChangeKind.Added, destination, $"via {want.Spec.Gateway} ({want.Node})"));
        }
    }

    private Dictionary<string, List<DesiredRoute>> Desire(IReadOnlyList<ClusterNode> nodes, ClusterNode me, ConnectedRoutes connected, SyncReport report)
    {
        var desired = new Dictionary<string, List<DesiredRoute>>(nodes.Count, StringComparer.Ordinal);
        foreach (ClusterNode peer in nodes)
        {
            if (peer.Name != me.Name)
            {
                desired[peer.Name] = DesirePeer(peer, connected, report);
            }
        }

        return desired;
    }

    private List<DesiredRoute> DesirePeer(ClusterNode peer, ConnectedRoutes connected, SyncReport report)
    {
        var routes = new List<DesiredRoute>(peer.PodCidrs.Count);
        foreach (IPNetwork cidr in peer.PodCidrs)
        {
            AddressFamily family = cidr.BaseAddress.AddressFamily;
            try
            {
                IPAddress gateway = peer.NodeIps.FirstOrDefault(ip => ip.AddressFamily == family)
                    ?? throw new RouteSyncException($"node {peer.Name} has pod subnet {cidr} but no {(family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} node address");

                // A peer on a connected subnet needs no kernel lookup; anything else is decided by the kernel.
                int outputInterface = connected.OnLinkInterface(gateway) ?? OnLinkByKernel(peer, gateway);
                routes.Add(new DesiredRoute(peer.Name, RouteKey.Of(cidr), new RouteSpec(cidr)
                {
                    Gateway = gateway,
                    OutputInterface = outputInterface,
                    Protocol = OwnerProtocol,
                    Scope = RouteScope.Universe,
                }));
            }
            catch (RouteSyncException e) when (unreachablePeers == UnreachablePeerPolicy.Skip)
            {
                _refused.Add(RouteKey.Of(cidr));
                report.Changes.Add(new RouteChange(RouteChangeKind.Refused, cidr.ToString(), e.Message));
            }
        }

        return routes;
    }

    private int OnLinkByKernel(ClusterNode peer, IPAddress gateway)
    {
        RouteMessage path;
        try
        {
            path = netlink.Routes.Lookup(gateway);
        }
        catch (NetlinkException e)
        {
            throw new RouteSyncException($"node {peer.Name} ({gateway}) is unreachable from this node: {e.Message}", e);
        }

        if (path.Gateway is not null)
        {
            throw new RouteSyncException(
                $"node {peer.Name} ({gateway}) is not directly reachable: the kernel routes it via {path.Gateway}; " +
                "routing pod subnets to node addresses needs every node on one L2 segment");
        }

        return path.OutputInterface ?? 0;
    }

    // The kernel stores an IPv6 route added without a metric with IP6_RT_PRIO_USER (1024), an IPv4 one with 0.
    private static bool HasDefaultMetric(RouteMessage route) =>
        (route.Priority ?? 0) == 0 || (route.DestinationNetwork.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6 && route.Priority == Ipv6DefaultMetric);

    private sealed record DesiredRoute(string Node, RouteKey Key, RouteSpec Spec);

    /// <summary>A destination in the main table.</summary>
    private readonly record struct RouteKey(IPAddress Network, int Length)
    {
        public static RouteKey Of(RouteMessage route) => Of(route.DestinationNetwork);

        public static RouteKey Of(IPNetwork network) => new(network.BaseAddress, network.PrefixLength);

        public override string ToString() => $"{Network}/{Length}";
    }

    /// <summary>What the reconciler knows of a route in the kernel.</summary>
    private readonly record struct KnownRoute(byte Protocol, IPAddress? Gateway, int? OutputInterface)
    {
        public static KnownRoute Of(RouteMessage route) => new(route.Protocol, route.Gateway, route.OutputInterface);

        public RouteSpec ToSpec(RouteKey key) => new(new IPNetwork(key.Network, key.Length))
        {
            Gateway = Gateway,
            OutputInterface = OutputInterface ?? 0,
            Protocol = Protocol,
        };
    }
}

/// <summary>What a sync does when a peer's node address is not on a directly connected network.</summary>
public enum UnreachablePeerPolicy
{
    /// <summary>Refuse the whole sync and change nothing (<c>podnet routes sync</c>: the file is wrong).</summary>
    Fail,

    /// <summary>Report the peer as refused, leave its route as it is and sync every other peer (the agent).</summary>
    Skip,
}
