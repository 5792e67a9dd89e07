using System.Diagnostics;
using System.Net;
using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>etcd members dying under running agents: routes stay (fail static), joins go on while there is a quorum.</summary>
public sealed class EtcdFailureTests
{
    /// <summary>How long every member stays down. The issue asks for 30 s.</summary>
    private static readonly TimeSpan s_outage = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_the_leader_and_then_another_member_changes_no_route_and_a_join_still_works_within_seconds()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 5);
        SimulatedNode[] first = [world.Node(1), world.Node(2), world.Node(3)];
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(first);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);
        Dictionary<SimulatedNode, NodeProcess> monitors = world.MonitorRoutes(first);
        await Task.Delay(300, Ct);

        int leader = await world.Network.Etcd.LeaderIndexAsync(Ct);
        world.Network.Etcd.Kill(leader);
        await Task.Delay(3000, Ct);
        Assert.Equal("", AgentCluster.RouteChanges(monitors));
        await JoinAsync(world, world.Node(4), subnets, monitors);

        // The killed leader comes back; then a follower dies.
        await world.Network.Etcd.StartMemberAsync(leader, Ct);
        int newLeader = await world.Network.Etcd.LeaderIndexAsync(Ct);
        int follower = Enumerable.Range(0, world.Network.Etcd.Count).First(i => i != newLeader);
        world.Network.Etcd.Kill(follower);
        await Task.Delay(3000, Ct);
        Assert.Equal("", AgentCluster.RouteChanges(monitors));
        await JoinAsync(world, world.Node(5), subnets, monitors);
    }

    [Fact]
    public async Task With_every_member_down_routes_stay_pods_keep_talking_readyz_fails_and_the_agents_converge_when_etcd_is_back()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 4);
        SimulatedNode[] first = [world.Node(1), world.Node(2), world.Node(3)];
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(first);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);
        List<SimulatedPod> pods = world.AddPods(first);
        Dictionary<SimulatedNode, NodeProcess> monitors = world.MonitorRoutes(first);
        await Task.Delay(300, Ct);

        var outage = Stopwatch.StartNew();
        for (int m = 0; m < world.Network.Etcd.Count; m++)
        {
            world.Network.Etcd.Kill(m);
        }

        foreach (SimulatedNode node in first)
        {
            await AgentCluster.EventuallyAsync(() => PodnetdNetwork.HttpStatusAsync(node, "/readyz").GetAwaiter().GetResult() == 503, TimeSpan.FromSeconds(10), $"{node.Name} /readyz 503");
            Assert.Equal(200, await PodnetdNetwork.HttpStatusAsync(node, "/healthz", Ct));
        }

        while (outage.Elapsed < s_outage)
        {
            Assert.Equal("", AgentCluster.Unreachable(pods));
            Assert.All(first, n => Assert.False(world.Network.Agents[n].HasExited, $"{n.Name}'s agent exited:\n{world.Network.Agents[n].Output}"));
            await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        }

        Assert.Equal("", AgentCluster.RouteChanges(monitors));
        foreach (SimulatedNode node in first)
        {
            Assert.Equal(503, await PodnetdNetwork.HttpStatusAsync(node, "/readyz", Ct));
        }

        // etcd back: the same agents, not restarted, become ready and take in a new node.
        Task[] starting = [.. Enumerable.Range(0, world.Network.Etcd.Count).Select(m => world.Network.Etcd.StartMemberAsync(m, Ct))];
        await Task.WhenAll(starting);
        foreach (SimulatedNode node in first)
        {
            await AgentCluster.EventuallyAsync(() => PodnetdNetwork.HttpStatusAsync(node, "/readyz").GetAwaiter().GetResult() == 200, TimeSpan.FromSeconds(15), $"{node.Name} /readyz 200 after etcd came back");
        }

        Assert.Equal("", AgentCluster.RouteChanges(monitors));
        await JoinAsync(world, world.Node(4), subnets, monitors);
        Assert.All(first, n => Assert.False(world.Network.Agents[n].HasExited));
    }

    /// <summary>Starts an agent on <paramref name="joiner"/>; within 10 s it must be ready and routed by everyone, and the monitors must have seen only its route being added.</summary>
    private static async Task JoinAsync(AgentCluster world, SimulatedNode joiner, Dictionary<SimulatedNode, IPNetwork> subnets, Dictionary<SimulatedNode, NodeProcess> monitors)
    {
        var clock = Stopwatch.StartNew();
        world.Network.StartAgent(joiner);
        subnets[joiner] = await world.Network.WaitReadyAsync(joiner, TimeSpan.FromSeconds(10), Ct);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, TimeSpan.FromSeconds(10) - clock.Elapsed, Ct);
        await Task.Delay(300, Ct);
        string joined = $"{subnets[joiner]} via {joiner.NodeIp}";
        foreach ((SimulatedNode node, NodeProcess monitor) in monitors)
        {
            Assert.All(monitor.Lines, line => Assert.StartsWith(joined, line, StringComparison.Ordinal));
            Assert.Single(monitor.Lines);
        }

        foreach (SimulatedNode node in monitors.Keys.ToList())
        {
            monitors[node].Dispose();
            monitors[node] = world.Cluster.Start($"ip monitor route on {node.Name}", node.NamespacePath, SimulatedCluster.IpBinary, ["-4", "monitor", "route"]);
        }

        await Task.Delay(300, Ct);
    }
}
