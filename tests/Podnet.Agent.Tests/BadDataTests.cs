using System.Net;
using System.Text;
using Podnet.Etcd;
using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>Bad values in etcd are logged clearly and skipped; the agents go on serving everything else.</summary>
public sealed class BadDataTests
{
    private const string Subnets = PodnetdNetwork.EtcdPrefix + "/subnets/";
    private const string Config = PodnetdNetwork.EtcdPrefix + "/config";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_subnet_keys_and_a_bad_configuration_are_logged_and_skipped_while_the_agents_keep_serving()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 4);
        SimulatedNode[] running = [world.Node(1), world.Node(2)];
        Dictionary<SimulatedNode, IPNetwork> subnets = await world.StartAgentsAsync(running);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);
        await using EtcdClient client = world.Network.Etcd.CreateClient();

        // Subnet keys no agent can use: garbage JSON, a subnet outside the network, a key that names no subnet.
        await client.PutAsync(Subnets + "10.244.200.0-24", "{not json"u8.ToArray(), cancellationToken: Ct);
        await client.PutAsync(Subnets + "10.99.0.0-24", Encoding.UTF8.GetBytes("{\"PublicIP\":\"192.168.1.99\",\"BackendType\":\"host-gw\"}"), cancellationToken: Ct);
        await client.PutAsync(Subnets + "banana", Encoding.UTF8.GetBytes("{\"PublicIP\":\"192.168.1.98\",\"BackendType\":\"host-gw\"}"), cancellationToken: Ct);
        foreach (SimulatedNode node in running)
        {
            NodeProcess agent = world.Network.Agents[node];
            await agent.WaitForLineAsync(l => l.Contains("skipping " + Subnets + "10.244.200.0-24", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
            await agent.WaitForLineAsync(l => l.Contains("skipping " + Subnets + "10.99.0.0-24", StringComparison.Ordinal) && l.Contains("10.244.0.0/16", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
            await agent.WaitForLineAsync(l => l.Contains("skipping " + Subnets + "banana", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
        }

        // A node starting now lists the bad keys, says so, and joins anyway.
        NodeProcess third = world.Network.StartAgent(world.Node(3));
        subnets[world.Node(3)] = await world.Network.WaitReadyAsync(world.Node(3), cancellationToken: Ct);
        await third.WaitForLineAsync(l => l.Contains("skipping " + Subnets + "10.244.200.0-24", StringComparison.Ordinal), TimeSpan.FromSeconds(5), Ct);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);

        // node04's reservation is made while the configuration is good (reserve checks the subnet against it), on a
        // subnet no agent took at random and no bad key holds.
        IPNetwork reserved = Enumerable.Range(1, 255).Where(i => i != 200).Select(i => IPNetwork.Parse($"10.244.{i}.0/24")).First(s => !subnets.ContainsValue(s));
        world.Network.Reserve(reserved.ToString(), world.Node(4));

        // A malformed configuration, then one whose SubnetLen is shorter than the network's prefix: both refused, the old one kept.
        await client.PutAsync(Config, "{\"Network\": 10.244"u8.ToArray(), cancellationToken: Ct);
        await client.PutAsync(Config, Encoding.UTF8.GetBytes("{\"Network\":\"10.244.0.0/16\",\"SubnetLen\":8,\"Backend\":{\"Type\":\"host-gw\"}}"), cancellationToken: Ct);
        foreach (SimulatedNode node in subnets.Keys)
        {
            NodeProcess agent = world.Network.Agents[node];
            await agent.WaitForLineAsync(l => l.Contains(Config + " is invalid", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
            await agent.WaitForLineAsync(l => l.Contains(Config + " is invalid", StringComparison.Ordinal) && l.Contains("SubnetLen", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
        }

        // A node starting now cannot tell the network's subnets from stray ones: it says so and waits, taking nothing.
        NodeProcess fourth = world.Network.StartAgent(world.Node(4));
        await fourth.WaitForLineAsync(l => l.Contains(Config + " is invalid", StringComparison.Ordinal) && l.Contains("waiting", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
        await Task.Delay(2500, Ct);
        Assert.False(fourth.HasExited, fourth.Output);
        Assert.Null(PodnetdNetwork.SubnetOf(world.Node(4)));
        Assert.Equal(503, await PodnetdNetwork.HttpStatusAsync(world.Node(4), "/readyz", Ct));

        // The configuration is fixed: node04 takes its reservation, and the stray key outside the network is still skipped.
        Assert.Equal(0, world.Network.Admin("network", "init", "--network", "10.244.0.0/16", "--subnet-len", "24", "--force").ExitCode);
        subnets[world.Node(4)] = await world.Network.WaitReadyAsync(world.Node(4), cancellationToken: Ct);
        Assert.Equal(reserved, subnets[world.Node(4)]);
        await fourth.WaitForLineAsync(l => l.Contains("skipping " + Subnets + "10.99.0.0-24", StringComparison.Ordinal), TimeSpan.FromSeconds(5), Ct);
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);

        // Still serving: a node leaving reaches every agent.
        world.Network.Agents[world.Node(2)].Stop(TimeSpan.FromSeconds(10));
        Assert.Equal(0, world.Network.Leave(world.Node(2)).ExitCode);
        subnets.Remove(world.Node(2));
        await PodnetdNetwork.WaitForRoutesAsync(subnets, cancellationToken: Ct);
        Assert.All(subnets.Keys, n => Assert.False(world.Network.Agents[n].HasExited, world.Network.Agents[n].Output));
        Assert.Equal("", AgentCluster.Unreachable(world.AddPods(subnets.Keys)));
    }
}
