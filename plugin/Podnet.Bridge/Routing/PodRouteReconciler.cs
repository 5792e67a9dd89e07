using System.Net;
using System.Net.Sockets;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Routing;

/// <summary>
/// Makes this node's routes to other nodes' pod subnets match the cluster description (flannel host-gw style):
/// one route per remote pod CIDR via that node's IP on the shared segment. Routes it owns carry
/// <see cref="OwnerProtocol"/>; routes with another protocol are never changed or removed.
/// </summary>
internal sealed class PodRouteReconciler(Rtnetlink netlink)
{
    /// <summary>The <c>rtm_protocol</c> marking routes podnet owns (unassigned in <c>/etc/iproute2/rt_protos</c>).</summary>
    public const byte OwnerProtocol = 98;

    private const uint Ipv6DefaultMetric = 1024;

    public SyncReport Reconcile(IReadOnlyList<ClusterNode> nodes, string self)
    {
        ClusterNode me = nodes.FirstOrDefault(n => n.Name == self)
            ?? throw new RouteSyncException($"node {self} is not in the cluster description");
        var report = new SyncReport();
        RouteAddressFamily[] families = [RouteAddressFamily.Inet, RouteAddressFamily.Inet6];
        Dictionary<RouteAddressFamily, List<RouteMessage>> tables = families.ToDictionary(f => f, f => netlink.Routes.List(f));
        List<DesiredRoute> desired = Desire(nodes, me, tables);
        foreach (RouteAddressFamily family in families)
        {
            List<RouteMessage> existing = tables[family];

            // Index by destination so that a sync of 1,000 nodes stays linear.
            var current = new Dictionary<(IPAddress, int), RouteMessage>();
            foreach (RouteMessage route in existing.Where(HasDefaultMetric))
            {
                current.TryAdd(Key(route), route);
            }

            var wanted = new HashSet<(IPAddress, int)>();
            var changes = new List<(DesiredRoute Want, RouteMessage? Current)>();
            foreach (DesiredRoute want in desired.Where(d => d.Spec.Family == family))
            {
                (IPAddress, int) key = (want.Spec.Destination.BaseAddress, want.Spec.Destination.PrefixLength);
                wanted.Add(key);
                if (Plan(want, current.GetValueOrDefault(key), report))
                {
                    changes.Add((want, current.GetValueOrDefault(key)));
                }
            }

            Replace(changes, report);

            foreach (RouteMessage owned in existing.Where(r => r.Header.Protocol == OwnerProtocol && !wanted.Contains(Key(r))))
            {
                netlink.Routes.Delete(owned);
                report.Changes.Add(new RouteChange(RouteChangeKind.Removed, Describe(owned), "(no node has this pod subnet any more)"));
            }
        }

        return report;
    }

    /// <summary>Reports a conflict or an unchanged route; returns whether the route must be added or replaced.</summary>
    private static bool Plan(DesiredRoute want, RouteMessage? current, SyncReport report)
    {
        string destination = want.Spec.Destination.ToString();
        if (current is not null && current.Header.Protocol != OwnerProtocol)
        {
            report.Changes.Add(new RouteChange(RouteChangeKind.Conflict, destination,
                $"exists with protocol {current.Header.Protocol} (not podnet's); left alone"));
            return false;
        }

        if (current is not null && Equals(current.Gateway, want.Spec.Gateway) && current.OutputInterface == want.Spec.OutputInterface)
        {
            report.Changes.Add(new RouteChange(RouteChangeKind.Unchanged, destination, $"via {want.Spec.Gateway}"));
            return false;
        }

        return true;
    }

    /// <summary>Sends every add and replace in one pipelined exchange; the first kernel error fails the sync.</summary>
    private void Replace(List<(DesiredRoute Want, RouteMessage? Current)> changes, SyncReport report)
    {
        if (changes.Count == 0)
        {
            return;
        }

        NetlinkException?[] failures = netlink.Routes.ReplaceMany([.. changes.Select(c => c.Want.Spec)]);
        for (int i = 0; i < changes.Count; i++)
        {
            (DesiredRoute want, RouteMessage? current) = changes[i];
            if (failures[i] is { } failure)
            {
                throw failure;
            }

            string destination = want.Spec.Destination.ToString();
            report.Changes.Add(current is null
                ? new RouteChange(RouteChangeKind.Added, destination, $"via {want.Spec.Gateway} ({want.Node})")
                : new RouteChange(RouteChangeKind.Replaced, destination, $"via {want.Spec.Gateway} ({want.Node}), was via {current.Gateway?.ToString() ?? "direct"}"));
        }
    }

    private List<DesiredRoute> Desire(IReadOnlyList<ClusterNode> nodes, ClusterNode me, Dictionary<RouteAddressFamily, List<RouteMessage>> tables)
    {
        var connected = new ConnectedRoutes(tables.Values.SelectMany(t => t));
        var desired = new List<DesiredRoute>();
        foreach (ClusterNode peer in nodes.Where(n => n.Name != me.Name))
        {
            foreach (IPNetwork cidr in peer.PodCidrs)
            {
                AddressFamily family = cidr.BaseAddress.AddressFamily;
                IPAddress gateway = peer.NodeIps.FirstOrDefault(ip => ip.AddressFamily == family)
                    ?? throw new RouteSyncException($"node {peer.Name} has pod subnet {cidr} but no {(family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} node address");
                // A peer on a connected subnet needs no kernel lookup; anything else is decided by the kernel.
                int outputInterface = connected.OnLinkInterface(gateway) ?? OnLinkByKernel(peer, gateway);
                desired.Add(new DesiredRoute(peer.Name, new RouteSpec(cidr)
                {
                    Gateway = gateway,
                    OutputInterface = outputInterface,
                    Protocol = OwnerProtocol,
                    Scope = RouteScope.Universe,
                }));
            }
        }

        return desired;
    }

    private int OnLinkByKernel(ClusterNode peer, IPAddress gateway)
    {
        RouteMessage path = Lookup(peer, gateway);
        if (path.Gateway is not null)
        {
            throw new RouteSyncException(
                $"node {peer.Name} ({gateway}) is not directly reachable: the kernel routes it via {path.Gateway}; " +
                "routing pod subnets to node addresses needs every node on one L2 segment");
        }

        return path.OutputInterface ?? 0;
    }

    private RouteMessage Lookup(ClusterNode peer, IPAddress gateway)
    {
        try
        {
            return netlink.Routes.Lookup(gateway);
        }
        catch (NetlinkException e)
        {
            throw new RouteSyncException($"node {peer.Name} ({gateway}) is unreachable from this node: {e.Message}", e);
        }
    }

    private static (IPAddress, int) Key(RouteMessage route) =>
        (route.Destination ?? (route.Header.Family == RouteAddressFamily.Inet6 ? IPAddress.IPv6Any : IPAddress.Any), route.Header.DestinationLength);

    // The kernel stores an IPv6 route added without a metric with IP6_RT_PRIO_USER (1024), an IPv4 one with 0.
    private static bool HasDefaultMetric(RouteMessage route) =>
        (route.Priority ?? 0) == 0 || (route.Header.Family == RouteAddressFamily.Inet6 && route.Priority == Ipv6DefaultMetric);

    private static string Describe(RouteMessage route) =>
        $"{route.Destination?.ToString() ?? (route.Header.Family == RouteAddressFamily.Inet6 ? "::" : "0.0.0.0")}/{route.Header.DestinationLength}";

    private sealed record DesiredRoute(string Node, RouteSpec Spec);
}
