using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Netlink.Testing;

namespace Podnet.Testing.Cluster;

/// <summary>
/// A cluster built from network namespaces: a segment namespace whose bridge plays the node network's switch, node
/// namespaces with <c>eth0</c> at 192.168.1.(10+n)/20 on it, other hosts on the same segment (etcd members, an
/// outside host), pods attached by the published plugin exactly as a runtime attaches them, and processes started
/// inside a node. Every name starts with <c>pn-t-PID-N-</c> (<see cref="TestNames"/>, the naming every test fixture
/// shares); <see cref="Dispose"/> kills what it started and removes every namespace and directory, also after a
/// failure, and a new cluster first reclaims the leftovers of runs whose process was killed (their PID is dead).
/// </summary>
internal sealed class SimulatedCluster : IDisposable
{
    /// <summary>The node network: nodes are 192.168.1.(10+n) in it.</summary>
    public const int SegmentPrefixLength = 20;

    private const string SegmentBridge = "seg0";
    private readonly Lock _lock = new();
    private readonly List<NetworkNamespace> _namespaces = [];
    private readonly List<NodeProcess> _processes = [];
    private readonly List<SimulatedNode> _nodes = [];
    private readonly List<SimulatedPod> _pods = [];
    private readonly List<SimulatedHost> _hosts = [];
    private bool _disposed;

    /// <summary>Reclaims leftovers of killed runs (saying so on <paramref name="log"/>), then creates the segment (an empty node network).</summary>
    public SimulatedCluster(TextWriter? log = null)
    {
        TestNames.ReclaimLeftovers(log, force: true);
        Prefix = TestNames.Next();
        WorkDirectory = Path.Combine(Path.GetTempPath(), Prefix);
        try
        {
            Directory.CreateDirectory(WorkDirectory);
            SegmentNamespace = CreateNamespace("segment");
            using Rtnetlink seg = Rtnetlink.OpenIn(NetworkNamespace.GetPath(SegmentNamespace));
            seg.Links.CreateBridge(SegmentBridge);
            seg.Links.SetUp(seg.Links.Get(SegmentBridge).Index);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The unique prefix of this cluster's names.</summary>
    public string Prefix { get; }

    /// <summary>The directory holding every node's directories; removed on dispose.</summary>
    public string WorkDirectory { get; }

    /// <summary>The namespace holding the segment bridge.</summary>
    public string SegmentNamespace { get; } = "";

    /// <summary>The nodes, in the order they were added.</summary>
    public IReadOnlyList<SimulatedNode> Nodes
    {
        get
        {
            lock (_lock)
            {
                return [.. _nodes];
            }
        }
    }

    /// <summary>The pods added and not deleted, in the order they were added.</summary>
    public IReadOnlyList<SimulatedPod> Pods
    {
        get
        {
            lock (_lock)
            {
                return [.. _pods];
            }
        }
    }

    /// <summary>The address of node <paramref name="index"/>: 192.168.1.(10+index).</summary>
    public static IPAddress NodeAddress(int index) => IPAddress.Parse($"192.168.1.{(10 + index).ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Adds node <paramref name="index"/> (named <c>nodeNN</c> unless <paramref name="name"/> says otherwise) with <c>eth0</c> at 192.168.1.(10+index)/20.</summary>
    public SimulatedNode AddNode(int index, string? name = null) =>
        AddNode(index, name ?? $"node{index:00}", [(NodeAddress(index), SegmentPrefixLength)]);

    /// <summary>
    /// Adds node <paramref name="index"/> named <paramref name="name"/> with <c>eth0</c> at <paramref name="addresses"/>
    /// (the first is its node IP), for a segment other than the default one (e.g. a captured cluster's node network).
    /// </summary>
    public SimulatedNode AddNode(int index, string name, IReadOnlyList<(IPAddress Address, int PrefixLength)> addresses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 200);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Count);
        string ns = CreateNamespace(name);
        var node = new SimulatedNode(name, index, ns, addresses[0].Address, addresses[0].PrefixLength, Path.Combine(WorkDirectory, name));
        Directory.CreateDirectory(node.ConfigDirectory);
        Directory.CreateDirectory(node.BinDirectory);
        Directory.CreateDirectory(node.IpamDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(node.SubnetFile)!);
        PlugIntoSegment(node.NamespacePath, "seg-" + name, addresses);
        lock (_lock)
        {
            _nodes.Add(node);
        }

        return node;
    }

    /// <summary>Adds a host that is not a node: a namespace with <c>eth0</c> at <paramref name="address"/>/<paramref name="prefixLength"/> on the segment.</summary>
    public SimulatedHost AddHost(string name, IPAddress address, int prefixLength = SegmentPrefixLength) => AddHost(name, [(address, prefixLength)]);

    /// <summary>Adds a host that is not a node: a namespace with <c>eth0</c> at <paramref name="addresses"/> on the segment (the first is its address).</summary>
    public SimulatedHost AddHost(string name, IReadOnlyList<(IPAddress Address, int PrefixLength)> addresses)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Count);
        string ns = CreateNamespace(name);
        var host = new SimulatedHost(name, ns, addresses[0].Address, addresses[0].PrefixLength);
        PlugIntoSegment(host.NamespacePath, "seg-" + name, addresses);
        lock (_lock)
        {
            _hosts.Add(host);
        }

        return host;
    }

    /// <summary>Runs a command to completion on <paramref name="node"/> (inside its namespace) with an empty environment.</summary>
    public static NodeCommand.Outcome Run(SimulatedNode node, string binary, params IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(node);
        return NodeCommand.Run(node.NamespacePath, binary, null, null, arguments);
    }

    /// <summary>Starts a long-running process inside the namespace at <paramref name="netnsPath"/>; it is killed on dispose if still running.</summary>
    public NodeProcess Start(string label, string netnsPath, string binary, IEnumerable<string> arguments)
    {
        NodeProcess process = NodeProcess.Start(label, netnsPath, binary, arguments);
        lock (_lock)
        {
            _processes.Add(process);
        }

        return process;
    }

    /// <summary>
    /// The plugin's configuration as a runtime derives it from the node's conflist (name and cniVersion copied in),
    /// with the IPAM store kept in the node's own directory instead of /var/lib/cni.
    /// </summary>
    public static string PluginConfig(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        JsonNode conflist = JsonNode.Parse(File.ReadAllText(node.ConflistPath))!;
        JsonObject plugin = conflist["plugins"]![0]!.AsObject().DeepClone().AsObject();
        plugin["cniVersion"] = conflist["cniVersion"]!.GetValue<string>();
        plugin["name"] = conflist["name"]!.GetValue<string>();
        plugin["ipam"]!["dataDir"] = node.IpamDirectory;
        return plugin.ToJsonString();
    }

    /// <summary>Runs the node's installed plugin with <c>CNI_COMMAND</c>=<paramref name="command"/> for <paramref name="pod"/>, the configuration on stdin.</summary>
    public static NodeCommand.Outcome Cni(SimulatedPod pod, string command)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return NodeCommand.Run(pod.Node.NamespacePath, pod.Node.PluginPath, CniEnvironment(pod, command), PluginConfig(pod.Node));
    }

    /// <summary>CNI <c>STATUS</c> of the node's installed plugin for its conflist.</summary>
    public static NodeCommand.Outcome Status(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var environment = new Dictionary<string, string> { ["CNI_COMMAND"] = "STATUS", ["CNI_PATH"] = node.BinDirectory };
        return NodeCommand.Run(node.NamespacePath, node.PluginPath, environment, PluginConfig(node));
    }

    /// <summary>Creates the pod's namespace and runs CNI <c>ADD</c>; on failure the namespace is removed again and the outcome returned with no pod.</summary>
    public (NodeCommand.Outcome Outcome, SimulatedPod? Pod) TryAddPod(SimulatedNode node, string name)
    {
        ArgumentNullException.ThrowIfNull(node);
        NetworkNamespace ns = NetworkNamespace.Create($"{Prefix}-{name}");
        var pod = new SimulatedPod(name, ns.Name, node, $"{Prefix}-{name}");
        NodeCommand.Outcome added;
        try
        {
            added = Cni(pod, "ADD");
        }
        catch
        {
            ns.Dispose();
            throw;
        }

        if (added.ExitCode != 0)
        {
            ns.Dispose();
            return (added, null);
        }

        lock (_lock)
        {
            _namespaces.Add(ns);
            _pods.Add(pod);
        }

        pod.Addresses = ResultAddresses(added.Stdout);
        NetworkNamespace.BringLoopbackUp(pod.NamespacePath);
        return (added, pod);
    }

    /// <summary>Adds a pod named <paramref name="name"/> on <paramref name="node"/> through the plugin's CNI ADD; throws with the plugin's output when it fails.</summary>
    public SimulatedPod AddPod(SimulatedNode node, string name)
    {
        (NodeCommand.Outcome outcome, SimulatedPod? pod) = TryAddPod(node, name);
        return pod ?? throw new SimulatedClusterException($"CNI ADD of {name} on {node.Name} failed with exit code {outcome.ExitCode}:\n{outcome.Output}");
    }

    /// <summary>Deletes <paramref name="pod"/> through CNI DEL and removes its namespace; returns the DEL outcome.</summary>
    public NodeCommand.Outcome DeletePod(SimulatedPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        NodeCommand.Outcome deleted = Cni(pod, "DEL");
        lock (_lock)
        {
            _pods.Remove(pod);
            NetworkNamespace? ns = _namespaces.Find(n => n.Name == pod.Namespace);
            if (ns is not null)
            {
                _namespaces.Remove(ns);
                ns.Dispose();
            }
        }

        return deleted;
    }

    /// <summary>Runs <c>ip ARGS</c> in the namespace at <paramref name="netnsPath"/>; throws when it fails.</summary>
    public static string Ip(string netnsPath, params IReadOnlyList<string> arguments)
    {
        NodeCommand.Outcome outcome = NodeCommand.Run(netnsPath, IpBinary, null, null, arguments);
        return outcome.ExitCode == 0 ? outcome.Stdout : throw new SimulatedClusterException($"ip {string.Join(' ', arguments)} failed: {outcome.Output}");
    }

    /// <summary>The <c>ip</c> binary of iproute2.</summary>
    public static string IpBinary => File.Exists("/usr/sbin/ip") ? "/usr/sbin/ip" : "/sbin/ip";

    /// <summary>Kills every process started here, deletes every namespace and the work directory; reports what failed on <c>Console.Error</c>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        List<NodeProcess> processes;
        List<NetworkNamespace> namespaces;
        lock (_lock)
        {
            processes = [.. _processes];
            namespaces = [.. _namespaces];
            _processes.Clear();
            _namespaces.Clear();
        }

        foreach (NodeProcess process in processes)
        {
            process.Dispose();
        }

        foreach (NetworkNamespace ns in Enumerable.Reverse(namespaces))
        {
            TestNames.KillProcessesIn(ns.Name);
            try
            {
                ns.Dispose();
            }
            catch (Exception e) when (e is NetworkNamespaceException or SystemCallException)
            {
                Console.Error.WriteLine($"simulated cluster: could not delete namespace {ns.Name}: {e.Message}");
            }
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static Dictionary<string, string> CniEnvironment(SimulatedPod pod, string command) => new()
    {
        ["CNI_COMMAND"] = command,
        ["CNI_CONTAINERID"] = pod.ContainerId,
        ["CNI_NETNS"] = pod.NamespacePath,
        ["CNI_IFNAME"] = "eth0",
        ["CNI_PATH"] = pod.Node.BinDirectory,
    };

    private static List<IPAddress> ResultAddresses(string result)
    {
        using JsonDocument document = JsonDocument.Parse(result);
        return [.. document.RootElement.GetProperty("ips").EnumerateArray()
            .Select(ip => ip.GetProperty("address").GetString()!)
            .Select(cidr => IPAddress.Parse(cidr[..cidr.IndexOf('/', StringComparison.Ordinal)]))];
    }

    private void PlugIntoSegment(string netnsPath, string port, IReadOnlyList<(IPAddress Address, int PrefixLength)> addresses)
    {
        if (port.Length > 15)
        {
            throw new ArgumentException($"segment port name {port} is longer than 15 characters", nameof(port));
        }

        using (Rtnetlink seg = Rtnetlink.OpenIn(NetworkNamespace.GetPath(SegmentNamespace)))
        using (NetworkNamespace peer = NetworkNamespace.Open(netnsPath))
        {
            seg.Links.CreateVethPair(new VethPair(port, "eth0") { PeerNamespace = peer });
            int portIndex = seg.Links.Get(port).Index;
            seg.Links.SetMaster(portIndex, seg.Links.Get(SegmentBridge).Index);
            seg.Links.SetUp(portIndex);
        }

        using Rtnetlink host = Rtnetlink.OpenIn(netnsPath);
        int eth0 = host.Links.Get("eth0").Index;
        foreach ((IPAddress address, int prefixLength) in addresses)
        {
            // IPv6 without duplicate address detection: usable at once, like the node addresses of a real cluster.
            host.Addresses.Add(eth0, new InterfaceAddress(address, prefixLength),
                address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? AddressFlags.NoDad : default);
        }

        host.Links.SetUp(eth0);
        NetworkNamespace.BringLoopbackUp(netnsPath);
    }

    private string CreateNamespace(string role)
    {
        NetworkNamespace ns = NetworkNamespace.Create($"{Prefix}-{role}");
        lock (_lock)
        {
            _namespaces.Add(ns);
        }

        return ns.Name;
    }
}
