using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Demo;

/// <summary>
/// The seed scenario built entirely from network namespaces: a "segment" namespace holding a bridge that plays
/// the node network's switch, three node namespaces plugged into it at 192.168.1.11-13/20, and pods on each node
/// attached by the podnet plugin. Everything it creates is removed by <see cref="Dispose"/>.
/// </summary>
internal sealed class DemoCluster : IDisposable
{
    private const string SegmentBridge = "seg0";
    private readonly List<NetworkNamespace> _namespaces = [];
    private readonly string _prefix;
    private readonly TextWriter _out;

    private readonly CancellationToken _cancel;

    public DemoCluster(string pluginBinary, TextWriter output, CancellationToken cancel)
    {
        _cancel = cancel;
        PluginBinary = pluginBinary;
        _out = output;
        _prefix = "pnd-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        WorkDirectory = Directory.CreateTempSubdirectory("podnet-demo-").FullName;
    }

    public string PluginBinary { get; }

    public string WorkDirectory { get; }

    public List<DemoNode> Nodes { get; } = [];

    public List<DemoPod> Pods { get; } = [];

    public string ClusterFile => Path.Combine(WorkDirectory, "cluster.json");

    /// <summary>Creates the segment and the nodes, writes the cluster description and installs podnet on each node.</summary>
    public void BuildNodes(int nodeCount)
    {
        string segment = CreateNamespace("segment");
        using (Rtnetlink seg = Rtnetlink.OpenIn(NsPath(segment)))
        {
            seg.Links.CreateBridge(SegmentBridge);
            seg.Links.SetUp(seg.Links.Get(SegmentBridge).Header.Index);
        }

        for (int n = 1; n <= nodeCount; n++)
        {
            _cancel.ThrowIfCancellationRequested();
            string name = $"node{n:00}";
            string ns = CreateNamespace(name);
            string dir = System.IO.Path.Combine(WorkDirectory, name);
            var node = new DemoNode(name, ns, IPAddress.Parse($"192.168.1.{10 + n}"), 20, $"10.244.{n}.0/24", $"10.244.{n}.1",
                System.IO.Path.Combine(dir, "net.d"), System.IO.Path.Combine(dir, "bin"));
            PlugIntoSegment(segment, node, n);
            Nodes.Add(node);
            _out.WriteLine($"  {name}: namespace {ns}, eth0 {node.NodeIp}/{node.SegmentPrefix}, pod subnet {node.PodCidr}");
        }

        WriteClusterFile();
        foreach (DemoNode node in Nodes)
        {
            _cancel.ThrowIfCancellationRequested();
            CniInvocation.Outcome installed = CniInvocation.Run(node.NamespacePath, PluginBinary, new Dictionary<string, string>(), null,
                ["install", "--cluster", ClusterFile, "--node", node.Name, "--bin-dir", node.BinDirectory, "--conf-dir", node.ConfigDirectory]);
            Require(installed, $"podnet install on {node.Name}");
        }
    }

    /// <summary>Adds <paramref name="perNode"/> pods to every node through podnet's CNI interface.</summary>
    public void AddPods(int perNode)
    {
        foreach (DemoNode node in Nodes)
        {
            string config = PluginConfig(node);
            for (int p = 1; p <= perNode; p++)
            {
                _cancel.ThrowIfCancellationRequested();
                string name = $"{node.Name}-pod{p}";
                string ns = CreateNamespace(name);
                var pod = new DemoPod(name, ns, node, $"{_prefix}-{name}");
                CniInvocation.Outcome added = CniInvocation.Run(node.NamespacePath, System.IO.Path.Combine(node.BinDirectory, "podnet"), Environment(pod, "ADD"), config);
                Require(added, $"CNI ADD of {name}");
                pod.Address = ResultAddress(added.Stdout);
                NetworkNamespace.BringLoopbackUp(pod.NamespacePath);
                Pods.Add(pod);
                _out.WriteLine($"  {name}: eth0 {pod.Address} (CNI ADD on {node.Name}, exit 0)");
            }
        }
    }

    /// <summary>Prints the bridge podnet made on each node, with its address.</summary>
    public void DescribeBridges()
    {
        foreach (DemoNode node in Nodes)
        {
            using Rtnetlink netlink = Rtnetlink.OpenIn(node.NamespacePath);
            LinkMessage bridge = netlink.Links.Find("v-net-0")
                ?? throw new DemoFailedException($"{node.Name} has no bridge v-net-0 after the pods were added");
            string addresses = string.Join(", ", netlink.Addresses.ListOf(bridge.Header.Index, RouteAddressFamily.Inet));
            string ports = string.Join(", ", netlink.Links.List().Where(l => l.Master == bridge.Header.Index).Select(l => l.Name));
            _out.WriteLine($"  {node.Name}: bridge v-net-0 ({bridge.LinkInfo?.Kind}) at {addresses}, up; ports: {ports}");
        }
    }

    /// <summary>Runs the route agent on every node.</summary>
    public void SyncRoutes()
    {
        foreach (DemoNode node in Nodes)
        {
            _cancel.ThrowIfCancellationRequested();
            CniInvocation.Outcome synced = CniInvocation.Run(node.NamespacePath, System.IO.Path.Combine(node.BinDirectory, "podnet"), new Dictionary<string, string>(), null,
                ["routes", "sync", "--cluster", ClusterFile, "--node", node.Name]);
            Require(synced, $"podnet routes sync on {node.Name}");
            foreach (string line in synced.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                _out.WriteLine($"  {node.Name}: {line}");
            }
        }
    }

    /// <summary>Deletes every pod through CNI DEL; returns how many DELs failed.</summary>
    public int DeletePods()
    {
        int failed = 0;
        foreach (DemoPod pod in Pods)
        {
            CniInvocation.Outcome deleted = CniInvocation.Run(pod.Node.NamespacePath, System.IO.Path.Combine(pod.Node.BinDirectory, "podnet"), Environment(pod, "DEL"), PluginConfig(pod.Node));
            if (deleted.ExitCode != 0)
            {
                failed++;
                _out.WriteLine($"  CNI DEL of {pod.Name} failed: {deleted.Stdout}{deleted.Stderr}");
            }
        }

        return failed;
    }

    public void Dispose()
    {
        foreach (NetworkNamespace ns in Enumerable.Reverse(_namespaces))
        {
            try
            {
                ns.Dispose();
            }
            catch (NetworkNamespaceException e)
            {
                Console.Error.WriteLine($"demo: could not delete namespace {ns.Name}: {e.Message}");
            }
        }

        _namespaces.Clear();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void PlugIntoSegment(string segment, DemoNode node, int n)
    {
        using Rtnetlink seg = Rtnetlink.OpenIn(NsPath(segment));
        using System.Runtime.InteropServices.SafeHandle nodeNs = NetworkNamespace.OpenFile(node.NamespacePath);
        string port = $"seg-{node.Name}";
        seg.Links.CreateVethPair(new VethPair(port, "eth0") { PeerNamespace = nodeNs });
        int portIndex = seg.Links.Get(port).Header.Index;
        seg.Links.SetMaster(portIndex, seg.Links.Get(SegmentBridge).Header.Index);
        seg.Links.SetUp(portIndex);

        using Rtnetlink host = Rtnetlink.OpenIn(node.NamespacePath);
        int eth0 = host.Links.Get("eth0").Header.Index;
        host.Addresses.Add(eth0, new InterfaceAddress(node.NodeIp, node.SegmentPrefix));
        host.Links.SetUp(eth0);
        NetworkNamespace.BringLoopbackUp(node.NamespacePath);
        _ = n;
    }

    private void WriteClusterFile()
    {
        using FileStream stream = File.Create(ClusterFile);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("nodes");
        foreach (DemoNode node in Nodes)
        {
            w.WriteStartObject();
            w.WriteString("name", node.Name);
            w.WriteStartArray("nodeIPs");
            w.WriteStringValue(node.NodeIp.ToString());
            w.WriteEndArray();
            w.WriteStartArray("podCIDRs");
            w.WriteStringValue(node.PodCidr);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The plugin's configuration as a runtime derives it from the installed conflist (name and cniVersion copied in).</summary>
    private string PluginConfig(DemoNode node)
    {
        JsonNode conflist = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(node.ConfigDirectory, "10-podnet.conflist")))!;
        JsonObject plugin = conflist["plugins"]![0]!.AsObject().DeepClone().AsObject();
        plugin["cniVersion"] = conflist["cniVersion"]!.GetValue<string>();
        plugin["name"] = conflist["name"]!.GetValue<string>();

        // Keep the IPAM store inside the demo's own directory, not /var/lib/cni.
        plugin["ipam"]!["dataDir"] = System.IO.Path.Combine(WorkDirectory, node.Name, "ipam");
        return plugin.ToJsonString();
    }

    private Dictionary<string, string> Environment(DemoPod pod, string command) => new()
    {
        ["CNI_COMMAND"] = command,
        ["CNI_CONTAINERID"] = pod.ContainerId,
        ["CNI_NETNS"] = pod.NamespacePath,
        ["CNI_IFNAME"] = "eth0",
        ["CNI_PATH"] = pod.Node.BinDirectory,
    };

    private static IPAddress ResultAddress(string result)
    {
        using JsonDocument document = JsonDocument.Parse(result);
        string cidr = document.RootElement.GetProperty("ips")[0].GetProperty("address").GetString()!;
        return IPAddress.Parse(cidr[..cidr.IndexOf('/', StringComparison.Ordinal)]);
    }

    private string CreateNamespace(string role)
    {
        string name = $"{_prefix}-{role}";
        _namespaces.Add(NetworkNamespace.Create(name));
        return name;
    }

    private static string NsPath(string ns) => $"/run/netns/{ns}";

    private static void Require(CniInvocation.Outcome outcome, string what)
    {
        if (outcome.ExitCode != 0)
        {
            throw new DemoFailedException($"{what} failed with exit code {outcome.ExitCode}:\n{outcome.Stdout}{outcome.Stderr}");
        }
    }
}
