using System.Text.Json;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Testing.Cluster;

namespace Podnet.Demo;

/// <summary>
/// The seed scenario's steps on a <see cref="SimulatedCluster"/>: nodes with a cluster file naming each node's pod
/// subnet 10.244.N.0/24, <c>podnet install</c> and <c>podnet routes sync</c> on every node, pods through CNI.
/// </summary>
internal sealed class DemoCluster(SimulatedCluster cluster, string pluginBinary, TextWriter output, CancellationToken cancel)
{
    public SimulatedCluster Cluster => cluster;

    public string ClusterFile => Path.Combine(cluster.WorkDirectory, "cluster.json");

    /// <summary>Creates the nodes, writes the cluster description and installs podnet on each node.</summary>
    public void BuildNodes(int nodeCount)
    {
        for (int n = 1; n <= nodeCount; n++)
        {
            cancel.ThrowIfCancellationRequested();
            SimulatedNode node = cluster.AddNode(n);
            output.WriteLine($"  {node.Name}: namespace {node.Namespace}, eth0 {node.NodeIp}/{node.SegmentPrefix}, pod subnet {PodCidr(node)}");
        }

        WriteClusterFile();
        foreach (SimulatedNode node in cluster.Nodes)
        {
            cancel.ThrowIfCancellationRequested();
            Require(SimulatedCluster.Run(node, pluginBinary, "install", "--cluster", ClusterFile, "--node", node.Name, "--bin-dir", node.BinDirectory, "--conf-dir", node.ConfigDirectory),
                $"podnet install on {node.Name}");
        }
    }

    /// <summary>Adds <paramref name="perNode"/> pods to every node (or to <paramref name="only"/>) through podnet's CNI interface.</summary>
    public void AddPods(int perNode, IEnumerable<SimulatedNode>? only = null)
    {
        foreach (SimulatedNode node in only ?? cluster.Nodes)
        {
            for (int p = 1; p <= perNode; p++)
            {
                cancel.ThrowIfCancellationRequested();
                SimulatedPod pod = cluster.AddPod(node, $"{node.Name}-pod{p}");
                output.WriteLine($"  {pod.Name}: eth0 {pod.Address} (CNI ADD on {node.Name}, exit 0)");
            }
        }
    }

    /// <summary>Prints the bridge podnet made on each node, with its address.</summary>
    public void DescribeBridges(IEnumerable<SimulatedNode>? only = null)
    {
        foreach (SimulatedNode node in only ?? cluster.Nodes)
        {
            using Rtnetlink netlink = Rtnetlink.OpenIn(node.NamespacePath);
            LinkMessage bridge = netlink.Links.Find("v-net-0")
                ?? throw new SimulatedClusterException($"{node.Name} has no bridge v-net-0 after the pods were added");
            string addresses = string.Join(", ", netlink.Addresses.ListOf(bridge.Index, RouteAddressFamily.Inet));
            string ports = string.Join(", ", netlink.Links.List().Where(l => l.Master == bridge.Index).Select(l => l.Name));
            output.WriteLine($"  {node.Name}: bridge v-net-0 ({bridge.LinkInfo?.Kind}) at {addresses}, up; ports: {ports}");
        }
    }

    /// <summary>Runs the route agent on every node.</summary>
    public void SyncRoutes()
    {
        foreach (SimulatedNode node in cluster.Nodes)
        {
            cancel.ThrowIfCancellationRequested();
            NodeCommand.Outcome synced = Require(SimulatedCluster.Run(node, node.PluginPath, "routes", "sync", "--cluster", ClusterFile, "--node", node.Name),
                $"podnet routes sync on {node.Name}");
            foreach (string line in synced.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                output.WriteLine($"  {node.Name}: {line}");
            }
        }
    }

    /// <summary>Deletes every pod through CNI DEL; returns how many DELs failed.</summary>
    public int DeletePods()
    {
        int failed = 0;
        foreach (SimulatedPod pod in cluster.Pods)
        {
            NodeCommand.Outcome deleted = cluster.DeletePod(pod);
            if (deleted.ExitCode != 0)
            {
                failed++;
                output.WriteLine($"  CNI DEL of {pod.Name} failed: {deleted.Output}");
            }
        }

        return failed;
    }

    private static string PodCidr(SimulatedNode node) => $"10.244.{node.Index}.0/24";

    private void WriteClusterFile()
    {
        using FileStream stream = File.Create(ClusterFile);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("nodes");
        foreach (SimulatedNode node in cluster.Nodes)
        {
            w.WriteStartObject();
            w.WriteString("name", node.Name);
            w.WriteStartArray("nodeIPs");
            w.WriteStringValue(node.NodeIp.ToString());
            w.WriteEndArray();
            w.WriteStartArray("podCIDRs");
            w.WriteStringValue(PodCidr(node));
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static NodeCommand.Outcome Require(NodeCommand.Outcome outcome, string what) =>
        outcome.ExitCode == 0 ? outcome : throw new SimulatedClusterException($"{what} failed with exit code {outcome.ExitCode}:\n{outcome.Output}");
}
