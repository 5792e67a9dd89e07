using System.Text.Json;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>The plugin follows the agent's subnet file: not ready (STATUS 50, ADD 11, nothing left behind) without it, ready with it.</summary>
public sealed class CniReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_the_subnet_file_STATUS_says_50_and_ADD_fails_with_11_leaving_nothing_and_both_work_once_the_agent_wrote_it()
    {
        await using AgentCluster world = await AgentCluster.StartAsync(nodes: 1);
        SimulatedNode node = world.Node(1);
        await world.StartAgentsAsync([node]);
        Assert.Equal(0, SimulatedCluster.Status(node).ExitCode);

        // The node reboots: /run is empty again, the conflist in /etc stays, the agent has not started yet.
        Assert.Equal(0, world.Network.Agents[node].Stop(TimeSpan.FromSeconds(10)));
        File.Delete(node.SubnetFile);
        string linksBefore = SimulatedCluster.Ip(node.NamespacePath, "-o", "link", "show");

        NodeCommand.Outcome status = SimulatedCluster.Status(node);
        Assert.NotEqual(0, status.ExitCode);
        Assert.Equal(50, ErrorCode(status));
        Assert.Contains(node.SubnetFile, status.Stdout, StringComparison.Ordinal);

        (NodeCommand.Outcome added, SimulatedPod? pod) = world.Cluster.TryAddPod(node, "early-pod");
        Assert.Null(pod);
        Assert.NotEqual(0, added.ExitCode);
        Assert.Equal(11, ErrorCode(added));
        Assert.Equal(linksBefore, SimulatedCluster.Ip(node.NamespacePath, "-o", "link", "show"));
        Assert.DoesNotContain(Directory.EnumerateFiles(node.IpamDirectory, "*", SearchOption.AllDirectories), f => !Path.GetFileName(f).StartsWith("lock", StringComparison.Ordinal));

        world.Network.StartAgent(node);
        await world.Network.WaitReadyAsync(node, cancellationToken: Ct);
        Assert.Equal(0, SimulatedCluster.Status(node).ExitCode);
        SimulatedPod late = world.Cluster.AddPod(node, "late-pod");
        Assert.NotNull(late.Address);
    }

    private static int ErrorCode(NodeCommand.Outcome outcome)
    {
        using JsonDocument error = JsonDocument.Parse(outcome.Stdout);
        return error.RootElement.GetProperty("code").GetInt32();
    }
}
