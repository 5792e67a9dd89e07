using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>The nodes the route agent tests use; this node is <c>a</c> (<see cref="RoutingNode"/>).</summary>
public static class TestCluster
{
    /// <summary>This node: dual-stack.</summary>
    public static ClusterNodeEntry A { get; } = new("a", [RoutingNode.NodeIpv4, RoutingNode.NodeIpv6], ["10.244.1.0/24", "fd10:1::/64"]);

    /// <summary>A dual-stack peer.</summary>
    public static ClusterNodeEntry B { get; } = new("b", ["192.168.1.12", "fd00:1::12"], ["10.244.2.0/24", "fd10:2::/64"]);

    /// <summary>An IPv4-only peer with two pod subnets.</summary>
    public static ClusterNodeEntry C { get; } = new("c", ["192.168.1.13"], ["10.244.3.0/24", "10.245.3.0/24"]);

    /// <summary>The routes node <c>a</c> should have for nodes b and c.</summary>
    public static IReadOnlyList<KernelRoute> RoutesForBAndC { get; } =
    [
        new("10.244.2.0/24", "192.168.1.12", "eth0", "98"),
        new("10.244.3.0/24", "192.168.1.13", "eth0", "98"),
        new("10.245.3.0/24", "192.168.1.13", "eth0", "98"),
        new("fd10:2::/64", "fd00:1::12", "eth0", "98"),
    ];

    /// <summary>Runs <c>podnet routes sync --cluster FILE --node NAME</c> inside <paramref name="node"/>.</summary>
    public static Task<ProcessOutcome> SyncAsync(TestNode node, ClusterFile cluster, string self = "a") =>
        OperatorCommand.RunPodnetAsync(["routes", "sync", "--cluster", cluster.Path, "--node", self], node.Path);
}
