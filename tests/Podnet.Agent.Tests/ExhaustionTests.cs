using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>A network with no subnet left refuses the next node clearly and leaves nothing behind.</summary>
public sealed class ExhaustionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_finding_no_free_subnet_exits_non_zero_with_a_clear_error_and_leaves_no_lease_or_key()
    {
        // 10.250.0.0/29 in /30s: 10.250.0.0/30 is never leased, so 10.250.0.4/30 is the only one.
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 2, network: "10.250.0.0/29", subnetLength: 30);
        var subnets = await world.StartAgentsAsync([world.Node(1)]);
        Assert.Equal(System.Net.IPNetwork.Parse("10.250.0.4/30"), subnets[world.Node(1)]);
        string[] leasesBefore = Leases(world);
        Assert.Single(leasesBefore);

        NodeProcess second = world.Network.StartAgent(world.Node(2));
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(20)), second.Output);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains(second.Lines, l => l.Contains("no free /30 subnet", StringComparison.Ordinal) && l.Contains("10.250.0.0/29", StringComparison.Ordinal));
        Assert.False(File.Exists(world.Node(2).SubnetFile));
        Assert.False(File.Exists(world.Node(2).ConflistPath));

        Assert.Equal(leasesBefore, Leases(world));
        await using Podnet.Etcd.EtcdClient client = world.Network.Etcd.CreateClient();
        Podnet.Etcd.EtcdRange keys = await client.GetPrefixAsync(PodnetdNetwork.EtcdPrefix + "/subnets/", Ct);
        Assert.Equal([PodnetdNetwork.EtcdPrefix + "/subnets/10.250.0.4-30"], keys.Items.Select(k => k.Key));
    }

    /// <summary>The lease IDs etcd holds, from <c>etcdctl lease list</c> on the first member's host.</summary>
    private static string[] Leases(AgentCluster world)
    {
        NodeCommand.Outcome listed = NodeCommand.Run(world.Network.EtcdHosts[0].NamespacePath, "/usr/bin/etcdctl",
            new Dictionary<string, string> { ["ETCDCTL_API"] = "3" }, null, ["--endpoints", world.Network.Endpoints, "lease", "list"]);
        Assert.True(listed.ExitCode == 0, listed.Output);
        return [.. listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("found", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
