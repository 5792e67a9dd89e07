using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>
/// <c>podnet routes sync</c> run once, as an operator runs it, inside a namespace set up as node <c>a</c>; the kernel
/// state is read back with iproute2.
/// </summary>
[Kernel]
public sealed class RouteSyncTests
{
    [Fact]
    public async Task Sync_adds_a_route_to_every_other_nodes_pod_cidrs_via_its_ip_with_protocol_98()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);

        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(TestCluster.RoutesForBAndC, await node.PodnetRoutesAsync());
        Assert.Contains("added     10.244.2.0/24 via 192.168.1.12 (b)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("routes: 4 added, 0 replaced, 0 removed, 0 unchanged", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(await node.RoutesAsync(), r => r.Destination.StartsWith("10.244.1.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_replaces_the_route_when_a_nodes_ip_changes()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);
        Assert.Equal(0, (await TestCluster.SyncAsync(node, cluster)).ExitCode);

        cluster.Write(TestCluster.A, TestCluster.B with { NodeIps = ["192.168.1.22", "fd00:1::22"] }, TestCluster.C);
        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("replaced  10.244.2.0/24 via 192.168.1.22 (b), was via 192.168.1.12", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("routes: 0 added, 2 replaced, 0 removed, 2 unchanged", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            [
                new("10.244.2.0/24", "192.168.1.22", "eth0", "98"),
                TestCluster.RoutesForBAndC[1],
                TestCluster.RoutesForBAndC[2],
                new("fd10:2::/64", "fd00:1::22", "eth0", "98"),
            ],
            await node.PodnetRoutesAsync());
    }

    [Fact]
    public async Task Sync_removes_the_routes_of_a_node_removed_from_the_file()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);
        Assert.Equal(0, (await TestCluster.SyncAsync(node, cluster)).ExitCode);

        cluster.Write(TestCluster.A, TestCluster.B);
        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("removed   10.244.3.0/24", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("removed   10.245.3.0/24", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal([TestCluster.RoutesForBAndC[0], TestCluster.RoutesForBAndC[3]], await node.PodnetRoutesAsync());
    }

    [Fact]
    public async Task Sync_leaves_foreign_routes_alone_and_reports_a_conflict_with_exit_code_3()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);
        await node.IpAsync("route", "add", "10.99.0.0/24", "via", "192.168.1.50", "proto", "static");
        await node.IpAsync("route", "add", "10.244.3.0/24", "via", "192.168.1.77", "proto", "static");
        await node.IpAsync("-6", "route", "add", "fd10:2::/64", "via", "fd00:1::77", "proto", "static");
        KernelRoute[] foreign =
        [
            new("10.99.0.0/24", "192.168.1.50", "eth0", "static"),
            new("10.244.3.0/24", "192.168.1.77", "eth0", "static"),
            new("fd10:2::/64", "fd00:1::77", "eth0", "static"),
        ];

        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        Assert.Contains("conflict  10.244.3.0/24 exists with protocol 4 (not podnet's); left alone", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("conflict  fd10:2::/64 exists with protocol 4 (not podnet's); left alone", outcome.Stdout, StringComparison.Ordinal);
        List<KernelRoute> routes = await node.RoutesAsync();
        Assert.All(foreign, f => Assert.Contains(f, routes));
        Assert.Single(routes, r => r.Destination == "10.244.3.0/24");
        Assert.Single(routes, r => r.Destination == "fd10:2::/64");
        Assert.Equal([TestCluster.RoutesForBAndC[0], TestCluster.RoutesForBAndC[2]], await node.PodnetRoutesAsync());

        // Without node c the prefix is no longer wanted: podnet's own route for c goes, the foreign ones stay.
        cluster.Write(TestCluster.A, TestCluster.B with { PodCidrs = ["10.244.2.0/24"] });
        ProcessOutcome second = await TestCluster.SyncAsync(node, cluster);

        Assert.True(second.ExitCode == 0, second.ToString());
        routes = await node.RoutesAsync();
        Assert.All(foreign, f => Assert.Contains(f, routes));
        Assert.Equal([TestCluster.RoutesForBAndC[0]], await node.PodnetRoutesAsync());
    }

    [Fact]
    public async Task Second_sync_prints_no_changes_and_changes_nothing()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);
        Assert.Equal(0, (await TestCluster.SyncAsync(node, cluster)).ExitCode);
        string before = await node.RouteDumpAsync();

        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("routes: no changes (4 in place)\n", outcome.Stdout);
        Assert.Equal(before, await node.RouteDumpAsync());
    }

    [Fact]
    public async Task Sync_routes_ipv6_pod_cidrs_via_ipv6_node_ips()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(
            new("a", [RoutingNode.NodeIpv6], ["fd10:1::/64"]),
            new("b", ["fd00:1::12"], ["fd10:2::/64", "fd10:22::/64"]),
            new("c", ["fd00:1::13"], ["fd10:3::/64"]));

        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(
            [
                new("fd10:22::/64", "fd00:1::12", "eth0", "98"),
                new("fd10:2::/64", "fd00:1::12", "eth0", "98"),
                new("fd10:3::/64", "fd00:1::13", "eth0", "98"),
            ],
            await node.PodnetRoutesAsync());
        Assert.Equal("routes: no changes (3 in place)\n", (await TestCluster.SyncAsync(node, cluster)).Stdout);
    }

    [Fact]
    public async Task Sync_refuses_a_peer_routed_via_a_gateway_and_changes_nothing()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B);
        Assert.Equal(0, (await TestCluster.SyncAsync(node, cluster)).ExitCode);
        await node.IpAsync("route", "add", "172.16.0.0/16", "via", "192.168.1.1");
        string before = await node.RouteDumpAsync();

        // Also a change for b and a new node c, which must not be applied either.
        cluster.Write(TestCluster.A, TestCluster.B with { NodeIps = ["192.168.1.22", "fd00:1::12"] }, TestCluster.C, new("d", ["172.16.5.5"], ["10.244.4.0/24"]));
        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("node d (172.16.5.5) is not directly reachable: the kernel routes it via 192.168.1.1", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await node.RouteDumpAsync());
    }

    [Fact]
    public async Task Sync_refuses_a_peer_without_any_route_and_changes_nothing()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, new("e", ["203.0.113.5"], ["10.244.5.0/24"]));
        string before = await node.RouteDumpAsync();

        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("node e (203.0.113.5) is unreachable from this node", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await node.RouteDumpAsync());
    }

    [Fact]
    public async Task Sync_rejects_an_unknown_node_name()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B);

        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster, self: "zz");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("node zz is not in the cluster description", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(await node.PodnetRoutesAsync());
    }

    [Theory]
    [InlineData("{\n  \"nodes\": [\n    {\"name\": \"a\",}\n  ]\n}\n", "LineNumber: 2 | BytePositionInLine: 17. at $.nodes[0]")]
    [InlineData("{\"nodes\": [{\"name\": \"a\", \"podCIDRs\": []}]}", "missing required member 'nodeIPs' at $.nodes[0]")]
    [InlineData("{\"nodes\": [{\"name\": \"a\", \"nodeIPs\": [\"192.168.1.11\"], \"podCIDRs\": [\"10.244.1.1/24\"]}]}", "node a: \"10.244.1.1/24\" is not a CIDR")]
    [InlineData("{\"nodes\": [{\"name\": \"a\", \"nodeIPs\": [\"192.168.1.x\"], \"podCIDRs\": []}]}", "node a: \"192.168.1.x\" is not an IP address\n")]
    [InlineData("{\"nodes\": [{\"name\": \"a\", \"nodeIPs\": [\"192.168.1.11\"], \"podCIDRs\": []}, {\"name\": \"b\", \"nodeIPs\": [\"10.1\"], \"podCIDRs\": []}]}", "node b: \"10.1\" is not an IP address\n")]
    [InlineData("{\"nodes\": [{\"name\": \"a\", \"nodeIPs\": [\"192.168.1.11\"], \"podCIDRs\": [\"10.244.1/24\"]}]}", "node a: \"10.244.1/24\" is not a CIDR with zero host bits\n")]
    [InlineData("{\"nodes\": [{\"nodeIPs\": [\"x\"], \"name\": 5, \"podCIDRs\": []}]}", "\"x\" is not an IP address at $.nodes[0].nodeIPs[0]")]
    [InlineData("{\"nodes\": [{\"name\": \"a\", \"nodeIPs\": [], \"podCIDRs\": []}, {\"name\": \"a\", \"nodeIPs\": [], \"podCIDRs\": []}]}", "node a is listed twice")]
    public async Task Sync_reports_a_malformed_cluster_file_with_its_position(string content, string expected)
    {
        using TestNode node = RoutingNode.Create();
        using var cluster = new ClusterFile();
        cluster.WriteText(content);

        ProcessOutcome outcome = await TestCluster.SyncAsync(node, cluster);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.StartsWith($"podnet routes sync: {cluster.Path}: ", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(await node.PodnetRoutesAsync());
    }

    [Fact]
    public async Task Sync_without_a_cluster_file_is_a_usage_error()
    {
        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(["routes", "sync", "--node", "a"]);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("missing required option --cluster", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("podnet routes sync --cluster FILE --node NAME", outcome.Stderr, StringComparison.Ordinal);
    }
}
