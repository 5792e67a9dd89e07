using System.Net;
using CsCheck;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Netlink.Testing;
using Podnet.Node.Routing;

namespace Podnet.Node.Tests;

/// <summary>
/// The reconciler against the kernel, in a throwaway namespace: incremental updates must leave exactly the table a full
/// pass would, foreign routes are never touched, and unreachable peers are skipped or refused by policy.
/// </summary>
[Kernel]
public sealed class ReconcilerTests : IDisposable
{
    private readonly NetworkNamespace _namespace;
    private readonly Rtnetlink _netlink;

    public ReconcilerTests()
    {
        _namespace = NetworkNamespace.Create(TestNames.Next("reconciler"));
        try
        {
            _namespace.BringLoopbackUp();
            _netlink = Rtnetlink.OpenIn(_namespace.Path);
            _netlink.Links.CreateVethPair(new VethPair("eth0", "eth0p"));
            LinkMessage eth0 = _netlink.Links.Get("eth0");
            _netlink.Addresses.Add(eth0.Index, new InterfaceAddress(IPAddress.Parse("192.168.0.1"), 16));
            _netlink.Links.SetUp(_netlink.Links.Get("eth0p").Index);
            _netlink.Links.SetUp(eth0.Index);
        }
        catch
        {
            _namespace.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _netlink.Dispose();
        _namespace.Dispose();
    }

    private static ClusterNode Self { get; } = new("self", [IPAddress.Parse("192.168.0.1")], [IPNetwork.Parse("10.244.0.0/24")]);

    private static ClusterNode Peer(int id, int subnet, int address) =>
        new($"n{id}", [IPAddress.Parse($"192.168.{1 + (address / 250)}.{1 + (address % 250)}")], [IPNetwork.Parse($"10.{100 + (subnet / 256)}.{subnet % 256}.0/24")]);

    private List<string> PodnetRoutes() =>
        [.. _netlink.Routes.List(RouteAddressFamily.Inet)
            .Where(r => r.Protocol == PodRouteReconciler.OwnerProtocol)
            .Select(r => $"{r.DestinationNetwork} via {r.Gateway}")
            .Order(StringComparer.Ordinal)];

    private static List<string> Expected(IEnumerable<ClusterNode> members) =>
        [.. members.Where(m => m.Name != "self")
            .SelectMany(m => m.PodCidrs.Select(c => (Cidr: c, Via: m.NodeIps[0])))
            .GroupBy(r => r.Cidr).Select(g => g.First())
            .Select(r => $"{r.Cidr} via {r.Via}")
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Incremental_updates_leave_the_table_a_full_pass_would()
    {
        // Random walks of joins, moves (new address or subnet) and departures over 40 possible peers.
        Gen<(int Op, int Id, int Subnet, int Address)[]> steps = Gen.Select(Gen.Int[0, 2], Gen.Int[1, 40], Gen.Int[0, 60], Gen.Int[0, 60]).Array[1, 25];
        steps.Sample(walk =>
        {
            var reconciler = new PodRouteReconciler(_netlink);
            var members = new Dictionary<string, ClusterNode> { ["self"] = Self };
            reconciler.Reconcile([.. members.Values], "self");
            foreach ((int op, int id, int subnet, int address) in walk)
            {
                string name = $"n{id}";
                if (op == 2)
                {
                    members.Remove(name);
                }
                else
                {
                    members[name] = Peer(id, subnet, address);
                }

                reconciler.Update(members, "self", [name]);
            }

            // Duplicate subnets go to whichever node claimed them first, so compare with a full pass of a fresh reconciler.
            List<string> afterUpdates = PodnetRoutes();
            SyncReport full = new PodRouteReconciler(_netlink).Reconcile([.. members.Values], "self");
            Assert.Equal(0, full.Count(RouteChangeKind.Added) + full.Count(RouteChangeKind.Removed));
            if (members.Values.SelectMany(m => m.PodCidrs).Distinct().Count() == members.Values.Sum(m => m.PodCidrs.Count))
            {
                // No two nodes share a subnet: the table is exactly the membership's.
                Assert.Equal(0, full.Count(RouteChangeKind.Replaced));
                Assert.Equal(Expected(members.Values), afterUpdates);
            }

            new PodRouteReconciler(_netlink).Reconcile([Self], "self");
            Assert.Empty(PodnetRoutes());
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void An_update_costs_only_the_requests_of_the_change_and_sees_no_foreign_route()
    {
        var reconciler = new PodRouteReconciler(_netlink);
        var members = new Dictionary<string, ClusterNode> { ["self"] = Self, ["n1"] = Peer(1, 1, 1), ["n2"] = Peer(2, 2, 2) };
        Assert.Equal(2, reconciler.Reconcile([.. members.Values], "self").Count(RouteChangeKind.Added));

        // A foreign route appears for the subnet a node is about to take: the update reports a conflict and leaves it.
        _netlink.Routes.Add(new RouteSpec(IPNetwork.Parse("10.100.3.0/24")) { Gateway = IPAddress.Parse("192.168.9.9"), Protocol = RouteSpec.StaticProtocol });
        reconciler.Reconcile([.. members.Values], "self");
        members["n3"] = Peer(3, 3, 3);
        SyncReport report = reconciler.Update(members, "self", ["n3"]);

        Assert.Equal(RouteChangeKind.Conflict, Assert.Single(report.Changes).Kind);
        Assert.Contains(_netlink.Routes.List(RouteAddressFamily.Inet), r => r.DestinationNetwork.ToString() == "10.100.3.0/24" && r.Protocol == RouteSpec.StaticProtocol);

        members.Remove("n1");
        report = reconciler.Update(members, "self", ["n1"]);
        Assert.Equal(RouteChangeKind.Removed, Assert.Single(report.Changes).Kind);
        Assert.Equal(["10.100.2.0/24 via 192.168.1.3"], PodnetRoutes());
    }

    [Fact]
    public void A_peer_off_the_segment_is_refused_whole_or_skipped_alone_by_policy()
    {
        var far = new ClusterNode("far", [IPAddress.Parse("172.16.5.5")], [IPNetwork.Parse("10.200.0.0/24")]);
        ClusterNode[] members = [Self, Peer(1, 1, 1), far];

        RouteSyncException refused = Assert.Throws<RouteSyncException>(() => new PodRouteReconciler(_netlink).Reconcile(members, "self"));
        Assert.Contains("node far (172.16.5.5) is unreachable from this node", refused.Message, StringComparison.Ordinal);
        Assert.Empty(PodnetRoutes());

        SyncReport report = new PodRouteReconciler(_netlink, UnreachablePeerPolicy.Skip).Reconcile(members, "self");
        Assert.Equal(1, report.Count(RouteChangeKind.Refused));
        Assert.Equal(["10.100.1.0/24 via 192.168.1.2"], PodnetRoutes());
    }

    [Fact]
    public void The_kernels_echo_of_the_reconcilers_own_changes_is_explained_and_a_hand_deletion_is_not()
    {
        var reconciler = new PodRouteReconciler(_netlink);
        reconciler.Reconcile([Self, Peer(1, 1, 1)], "self");
        RouteMessage route = _netlink.Routes.List(RouteAddressFamily.Inet).Single(r => r.Protocol == PodRouteReconciler.OwnerProtocol);

        Assert.True(reconciler.Explains(route, deleted: false));
        Assert.False(reconciler.Explains(route, deleted: true));
        RouteMessage foreign = _netlink.Routes.List(RouteAddressFamily.Inet).First(r => r.Protocol != PodRouteReconciler.OwnerProtocol);
        Assert.True(reconciler.Explains(foreign, deleted: true));
    }
}
