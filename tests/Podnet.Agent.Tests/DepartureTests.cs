using System.Diagnostics;
using System.Net;
using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>Nodes leaving, dying, restarting, and an agent catching up on what it missed.</summary>
public sealed class DepartureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_that_leaves_disappears_from_every_other_nodes_routes()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 3);
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(world.Cluster.Nodes);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);

        SimulatedNode leaving = world.Node(3);
        Assert.Equal(0, world.Network.Agents[leaving].Stop(TimeSpan.FromSeconds(10)));
        NodeCommand.Outcome left = world.Network.Leave(leaving);
        Assert.True(left.ExitCode == 0, left.Output);
        Assert.Contains("revoked", left.Stdout, StringComparison.Ordinal);

        subnets.Remove(leaving);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task A_node_killed_with_SIGKILL_disappears_after_its_lease_TTL()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 3);
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(world.Cluster.Nodes, leaseTtl: TimeSpan.FromSeconds(3));
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);

        SimulatedNode dying = world.Node(3);
        var clock = Stopwatch.StartNew();
        world.Network.Agents[dying].Kill();
        await Task.Delay(500, Ct);

        // Nothing revoked the lease: the others keep the route until etcd expires it.
        string route = $"{subnets[dying]} via {dying.NodeIp}";
        Assert.Contains(route, PodnetdNetwork.PodRoutes(world.Node(1)));
        subnets.Remove(dying);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, TimeSpan.FromSeconds(15), Ct);
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(2), $"the route went after {clock.Elapsed}, before the 3 s lease could expire");
    }

    [Fact]
    public async Task An_agent_killed_and_restarted_keeps_its_subnet_and_no_node_sees_a_route_change()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 3);
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(world.Cluster.Nodes);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);
        Dictionary<SimulatedNode, NodeProcess> monitors = world.MonitorRoutes(world.Cluster.Nodes);
        await Task.Delay(300, Ct); // the monitors are listening

        SimulatedNode restarted = world.Node(2);
        world.Network.Agents[restarted].Kill();
        world.Network.StartAgent(restarted);
        Assert.Equal(subnets[restarted], await world.Network.WaitReadyAsync(restarted, cancellationToken: Ct));
        await Task.Delay(3000, Ct); // more than a resync period of every agent

        Assert.Equal("", AgentCluster.RouteChanges(monitors));
        await PodnetdNetwork.WaitForRoutesAsync(subnets, TimeSpan.Zero, Ct);
    }

    [Fact]
    public async Task A_stale_route_of_a_node_that_left_while_the_agent_was_stopped_goes_when_the_agent_starts()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 3);
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(world.Cluster.Nodes);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);

        SimulatedNode sleeper = world.Node(1);
        SimulatedNode leaving = world.Node(3);
        Assert.Equal(0, world.Network.Agents[sleeper].Stop(TimeSpan.FromSeconds(10)));
        world.Network.Agents[leaving].Stop(TimeSpan.FromSeconds(10));
        NodeCommand.Outcome left = world.Network.Leave(leaving);
        Assert.True(left.ExitCode == 0, left.Output);

        // node02 drops the route at once; node01's agent is down, so its route is now stale.
        string stale = $"{subnets[leaving]} via {leaving.NodeIp}";
        subnets.Remove(leaving);
        await AgentCluster.EventuallyAsync(() => !PodnetdNetwork.PodRoutes(world.Node(2)).Contains(stale), TimeSpan.FromSeconds(10), "node02 to drop " + stale);
        Assert.Contains(stale, PodnetdNetwork.PodRoutes(sleeper));

        world.Network.StartAgent(sleeper);
        Assert.Equal(subnets[sleeper], await world.Network.WaitReadyAsync(sleeper, cancellationToken: Ct));
        await PodnetdNetwork.WaitForRoutesAsync(subnets, TimeSpan.FromSeconds(10), Ct);
        Assert.DoesNotContain(stale, PodnetdNetwork.PodRoutes(sleeper));
    }
}
