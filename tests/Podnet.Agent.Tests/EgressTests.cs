using System.Net;
using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>Pod traffic leaving the cluster is masqueraded to the node's address; traffic between pods is not.</summary>
public sealed class EgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outside_host_sees_the_nodes_address_while_pods_see_each_others_pod_addresses()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 2);
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(world.Cluster.Nodes);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);
        List<SimulatedPod> pods = world.AddPods(world.Cluster.Nodes);

        // An outside host on the wire beyond the node network: 198.51.100.10/24, routing the node network back on-link.
        IPAddress outside = IPAddress.Parse("198.51.100.10");
        SimulatedHost host = world.Cluster.AddHost("outside", outside, 24);
        SimulatedCluster.Ip(host.NamespacePath, "route", "add", "192.168.0.0/20", "dev", "eth0");
        foreach (SimulatedNode node in world.Cluster.Nodes)
        {
            SimulatedCluster.Ip(node.NamespacePath, "route", "add", "198.51.100.0/24", "dev", "eth0");
        }

        foreach (SimulatedPod pod in pods)
        {
            Assert.Equal(pod.Node.NodeIp, ReachabilityProbe.SourceSeen(pod.NamespacePath, host.NamespacePath, outside));
        }

        Assert.Equal("", AgentCluster.Unreachable(pods));
        string table = SimulatedCluster.Ip(world.Node(1).NamespacePath, "-4", "route");
        Assert.Contains("198.51.100.0/24 dev eth0", table, StringComparison.Ordinal);

        // The control: with --ip-masq false the agent takes its rule away and the outside host sees the pod's own address.
        SimulatedNode first = world.Node(1);
        world.Network.Agents[first].Stop(TimeSpan.FromSeconds(10));
        NodeProcess unmasked = world.Network.StartAgent(first, null, "--ip-masq", "false");
        await unmasked.WaitForLineAsync(l => l.Contains("masquerading off", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
        SimulatedPod pod1 = pods.Single(p => p.Node == first);
        Assert.Equal(pod1.Address, ReachabilityProbe.SourceSeen(pod1.NamespacePath, host.NamespacePath, outside));
    }
}
