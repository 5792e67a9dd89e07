using System.Net;
using System.Text;
using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;
using Podnet.Testing.Repository;

namespace Podnet.Agent.Tests.Support;

/// <summary>
/// One test's world: a <see cref="SimulatedCluster"/> with a three-member etcd cluster on its node network and the
/// network 10.244.0.0/16 (/24 subnets) initialised, unless told otherwise. Disposing removes everything.
/// </summary>
internal sealed class AgentCluster : IAsyncDisposable
{
    private AgentCluster(SimulatedCluster cluster, PodnetdNetwork network)
    {
        Cluster = cluster;
        Network = network;
    }

    public SimulatedCluster Cluster { get; }

    public PodnetdNetwork Network { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates the cluster with <paramref name="nodes"/> nodes (no agents yet) and etcd; initialises <paramref name="network"/> unless it is null.</summary>
    public static async Task<AgentCluster> StartAsync(int nodes, string? network = "10.244.0.0/16", int? subnetLength = 24)
    {
        var cluster = new SimulatedCluster();
        try
        {
            for (int n = 1; n <= nodes; n++)
            {
                cluster.AddNode(n);
            }

            PodnetdNetwork podnetd = await PodnetdNetwork.StartAsync(cluster, PodnetdBinary.Path, 3, cancellationToken: Ct);
            var world = new AgentCluster(cluster, podnetd);
            if (network is not null)
            {
                podnetd.InitNetwork(network, subnetLength);
            }

            return world;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public SimulatedNode Node(int index) => Cluster.Nodes.Single(n => n.Index == index);

    /// <summary>Starts an agent on each of <paramref name="nodes"/> and waits until all are ready; returns each node's subnet.</summary>
    public async Task<Dictionary<SimulatedNode, IPNetwork>> StartAgentsAsync(IEnumerable<SimulatedNode> nodes, TimeSpan? leaseTtl = null)
    {
        var started = nodes.ToList();
        foreach (SimulatedNode node in started)
        {
            Network.StartAgent(node, leaseTtl);
        }

        var subnets = new Dictionary<SimulatedNode, IPNetwork>();
        foreach (SimulatedNode node in started)
        {
            subnets[node] = await Network.WaitReadyAsync(node, cancellationToken: Ct);
        }

        return subnets;
    }

    /// <summary>Starts <c>ip monitor route</c> in every node's namespace: anything it prints is a route change.</summary>
    public Dictionary<SimulatedNode, NodeProcess> MonitorRoutes(IEnumerable<SimulatedNode> nodes) =>
        nodes.ToDictionary(n => n, n => Cluster.Start($"ip monitor route on {n.Name}", n.NamespacePath, SimulatedCluster.IpBinary, ["-4", "monitor", "route"]));

    /// <summary>The route changes each monitor saw, one string; empty when none.</summary>
    public static string RouteChanges(Dictionary<SimulatedNode, NodeProcess> monitors)
    {
        var changes = new StringBuilder();
        foreach ((SimulatedNode node, NodeProcess monitor) in monitors)
        {
            foreach (string line in monitor.Lines)
            {
                changes.Append(node.Name).Append(": ").Append(line).Append('\n');
            }
        }

        return changes.ToString();
    }

    /// <summary>Adds one pod per node and returns them.</summary>
    public List<SimulatedPod> AddPods(IEnumerable<SimulatedNode> nodes) => [.. nodes.Select(n => Cluster.AddPod(n, $"{n.Name}-pod"))];

    /// <summary>Every pod to every pod, no NAT; the failed pairs joined (empty when all passed).</summary>
    public static string Unreachable(IReadOnlyList<SimulatedPod> pods) => string.Join('\n', ReachabilityProbe.Problems(pods));

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; throws naming <paramref name="what"/> when <paramref name="timeout"/> passes first.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout} for {what}");
            }

            await Task.Delay(100, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Network.DisposeAsync();
        }
        finally
        {
            Cluster.Dispose();
        }
    }
}
