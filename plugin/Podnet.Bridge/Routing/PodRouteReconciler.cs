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
        List<DesiredRoute> desired = Desire(nodes, me);
        foreach (RouteAddressFamily family in new[] { RouteAddressFamily.Inet, RouteAddressFamily.Inet6 })
        {
            List<RouteMessage> existing = netlink.Routes.List(family);
            foreach (DesiredRoute want in desired.Where(d => d.Spec.Family == family))
            {
                Apply(want, existing, report);
            }

            foreach (RouteMessage owned in existing.Where(r => r.Header.Protocol == OwnerProtocol))
            {
                string destination = Describe(owned);
                if (!desired.Any(d => d.Spec.Family == family && Same(d.Spec.Destination, owned)))
                {
                    netlink.Routes.Delete(owned);
                    report.Changes.Add(new RouteChange(RouteChangeKind.Removed, destination, "(no node has this pod subnet any more)"));
                }
            }
        }

        return report;
    }

    private void Apply(DesiredRoute want, List<RouteMessage> existing, SyncReport report)
    {
        string destination = want.Spec.Destination.ToString();
        RouteMessage? current = existing.FirstOrDefault(r => Same(want.Spec.Destination, r) && HasDefaultMetric(r));
        if (current is not null && current.Header.Protocol != OwnerProtocol)
        {
            report.Changes.Add(new RouteChange(RouteChangeKind.Conflict, destination,
                $"exists with protocol {current.Header.Protocol} (not podnet's); left alone"));
            return;
        }

        if (current is not null && Equals(current.Gateway, want.Spec.Gateway) && current.OutputInterface == want.Spec.OutputInterface)
        {
            report.Changes.Add(new RouteChange(RouteChangeKind.Unchanged, destination, $"via {want.Spec.Gateway}"));
            return;
        }

        netlink.Routes.Replace(want.Spec);
        report.Changes.Add(current is null
            ? new RouteChange(RouteChangeKind.Added, destination, $"via {want.Spec.Gateway} ({want.Node})")
            : new RouteChange(RouteChangeKind.Replaced, destination, $"via {want.Spec.Gateway} ({want.Node}), was via {current.Gateway?.ToString() ?? "direct"}"));
    }

    private List<DesiredRoute> Desire(IReadOnlyList<ClusterNode> nodes, ClusterNode me)
    {
        var desired = new List<DesiredRoute>();
        foreach (ClusterNode peer in nodes.Where(n => n.Name != me.Name))
        {
            foreach (IPNetwork cidr in peer.PodCidrs)
            {
                AddressFamily family = cidr.BaseAddress.AddressFamily;
                IPAddress gateway = peer.NodeIps.FirstOrDefault(ip => ip.AddressFamily == family)
                    ?? throw new RouteSyncException($"node {peer.Name} has pod subnet {cidr} but no {(family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} node address");
                RouteMessage path = Lookup(peer, gateway);
                if (path.Gateway is not null)
                {
                    throw new RouteSyncException(
                        $"node {peer.Name} ({gateway}) is not directly reachable: the kernel routes it via {path.Gateway}; " +
                        "routing pod subnets to node addresses needs every node on one L2 segment");
                }

                desired.Add(new DesiredRoute(peer.Name, new RouteSpec(cidr)
                {
                    Gateway = gateway,
                    OutputInterface = path.OutputInterface ?? 0,
                    Protocol = OwnerProtocol,
                    Scope = RouteScope.Universe,
                }));
            }
        }

        return desired;
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

    private static bool Same(IPNetwork destination, RouteMessage route) =>
        route.Header.DestinationLength == destination.PrefixLength &&
        (route.Destination ?? (destination.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any))
            .Equals(destination.BaseAddress);

    // The kernel stores an IPv6 route added without a metric with IP6_RT_PRIO_USER (1024), an IPv4 one with 0.
    private static bool HasDefaultMetric(RouteMessage route) =>
        (route.Priority ?? 0) == 0 || (route.Header.Family == RouteAddressFamily.Inet6 && route.Priority == Ipv6DefaultMetric);

    private static string Describe(RouteMessage route) =>
        $"{route.Destination?.ToString() ?? (route.Header.Family == RouteAddressFamily.Inet6 ? "::" : "0.0.0.0")}/{route.Header.DestinationLength}";

    private sealed record DesiredRoute(string Node, RouteSpec Spec);
}
