using System.Net;
using Podnet.Etcd;
using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>Nodes joining through etcd: reservations, automatic subnets, routes and pod traffic across nodes.</summary>
public sealed class MembershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reserved_and_unreserved_nodes_join_and_every_pod_reaches_every_pod_without_NAT()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 5);
        foreach (int n in new[] { 1, 2, 3 })
        {
            world.Network.Reserve($"10.244.{n}.0/24", world.Node(n));
        }

        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(world.Cluster.Nodes);

        // The seed's subnets went to node01..03 by reservation; node04 and node05 got two other /24s of the network.
        for (int n = 1; n <= 3; n++)
        {
            Assert.Equal(IPNetwork.Parse($"10.244.{n}.0/24"), subnets[world.Node(n)]);
        }

        Assert.Equal(5, subnets.Values.Distinct().Count());
        IPNetwork network = IPNetwork.Parse("10.244.0.0/16");
        Assert.All(subnets.Values, s => Assert.True(s.PrefixLength == 24 && network.Contains(s.BaseAddress), $"{s} is not a /24 of {network}"));
        Assert.DoesNotContain(IPNetwork.Parse("10.244.0.0/24"), subnets.Values); // flannel never leases the network's first subnet

        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);
        List<SimulatedPod> pods = world.AddPods(world.Cluster.Nodes);
        Assert.All(pods, p => Assert.True(subnets[p.Node].Contains(p.Address!), $"{p.Name} got {p.Address}, outside its node's {subnets[p.Node]}"));
        Assert.Equal("", AgentCluster.Unreachable(pods));
    }

    [Fact]
    public async Task Twenty_agents_racing_for_subnets_get_twenty_distinct_ones()
    {
        // 32 /24s in a /19, the first never leased: 31 for 20 racers, so random starting points collide often.
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 20, network: "10.250.0.0/19", subnetLength: 24);
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(world.Cluster.Nodes);

        Assert.Equal(20, subnets.Values.Distinct().Count());
        await using EtcdClient client = world.Network.Etcd.CreateClient();
        EtcdRange keys = await client.GetPrefixAsync(PodnetdNetwork.EtcdPrefix + "/subnets/", Ct);
        Assert.Equal(20, keys.Items.Count);
        Assert.All(keys.Items, k => Assert.NotEqual(0, k.LeaseId));
        Assert.Equal(
            subnets.Values.Select(s => $"{PodnetdNetwork.EtcdPrefix}/subnets/{s.BaseAddress}-{s.PrefixLength}").Order(StringComparer.Ordinal),
            keys.Items.Select(k => k.Key).Order(StringComparer.Ordinal));
        await PodnetdNetwork.WaitForRoutesAsync(subnets, TimeSpan.FromSeconds(30), Ct);
    }
}
