using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>
/// Namespaces wired like the captured kind cluster's docker network: a segment namespace whose bridge is the node
/// network (172.18.0.0/16, fc00:f853:ccd:e793::/64), hosts plugged into it with a veth each (the nodes, and the host
/// the API server listens on), and pods attached to a node by the plugin podnetd installed there, exactly as a
/// runtime attaches them. Everything is removed on dispose, also after a failure.
/// </summary>
internal sealed class SegmentCluster : IDisposable
{
    private const string Bridge = "seg0";
    private readonly List<NetworkNamespace> _namespaces = [];
    private readonly string _prefix = "pn-k8s-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    public SegmentCluster()
    {
        try
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("podnet-k8s-cluster-");
            NetworkNamespace segment = Create("seg");
            using Rtnetlink netlink = Rtnetlink.OpenIn(segment.Path);
            netlink.Links.CreateBridge(Bridge);
            netlink.Links.SetUp(netlink.Links.Get(Bridge).Index);
            Segment = segment;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public DirectoryInfo Directory { get; } = null!;

    public NetworkNamespace Segment { get; } = null!;

    /// <summary>Adds a host with <c>eth0</c> at <paramref name="ipv4"/>/16 and <paramref name="ipv6"/>/64 on the segment; returns its namespace path.</summary>
    public string AddHost(string name, string ipv4, string ipv6)
    {
        NetworkNamespace host = Create(name);
        host.BringLoopbackUp();
        using (Rtnetlink segment = Rtnetlink.OpenIn(Segment))
        {
            string port = $"s-{name}";
            segment.Links.CreateVethPair(new VethPair(port, "eth0") { PeerNamespace = host });
            int index = segment.Links.Get(port).Index;
            segment.Links.SetMaster(index, segment.Links.Get(Bridge).Index);
            segment.Links.SetUp(index);
        }

        using Rtnetlink netlink = Rtnetlink.OpenIn(host);
        int eth0 = netlink.Links.Get("eth0").Index;
        netlink.Addresses.Add(eth0, new InterfaceAddress(IPAddress.Parse(ipv4), 16));
        netlink.Addresses.Add(eth0, new InterfaceAddress(IPAddress.Parse(ipv6), 64), AddressFlags.NoDad);
        netlink.Links.SetUp(eth0);
        return host.Path;
    }

    /// <summary>
    /// Creates a pod namespace and runs CNI <c>ADD</c> with the plugin podnetd installed on the node, the network
    /// configuration from the conflist podnetd wrote (name and cniVersion copied in, as libcni does); returns the pod.
    /// </summary>
    public Pod AddPod(AgentRun node, string name)
    {
        NetworkNamespace pod = Create(name);
        pod.BringLoopbackUp();
        JsonNode conflist = JsonNode.Parse(File.ReadAllText(node.ConflistPath))!;
        JsonObject config = conflist["plugins"]![0]!.AsObject().DeepClone().AsObject();
        config["cniVersion"] = conflist["cniVersion"]!.GetValue<string>();
        config["name"] = conflist["name"]!.GetValue<string>();
        config["ipam"]!["dataDir"] = Path.Combine(node.Directory, "ipam");
        var info = RuntimeProcess.StartInfo(node.PluginPath,
        [
            new("CNI_COMMAND", "ADD"), new("CNI_CONTAINERID", $"{_prefix}-{name}"), new("CNI_NETNS", pod.Path),
            new("CNI_IFNAME", "eth0"), new("CNI_PATH", Path.GetDirectoryName(node.PluginPath)!),
        ]);
        using Process plugin = RuntimeProcess.Start(node.NetnsPath, info);
        Task<string> stdout = plugin.StandardOutput.ReadToEndAsync();
        Task<string> stderr = plugin.StandardError.ReadToEndAsync();
        plugin.StandardInput.Write(config.ToJsonString());
        plugin.StandardInput.Close();
        plugin.WaitForExit();
        string result = stdout.GetAwaiter().GetResult();
        Assert.True(plugin.ExitCode == 0, $"CNI ADD of {name}: exit {plugin.ExitCode}\n{result}{stderr.GetAwaiter().GetResult()}");
        using JsonDocument document = JsonDocument.Parse(result);
        var addresses = document.RootElement.GetProperty("ips").EnumerateArray()
            .Select(ip => ip.GetProperty("address").GetString()!)
            .Select(cidr => IPAddress.Parse(cidr[..cidr.IndexOf('/', StringComparison.Ordinal)]))
            .ToList();
        return new Pod(name, pod.Path, addresses);
    }

    public void Dispose()
    {
        foreach (NetworkNamespace ns in Enumerable.Reverse(_namespaces))
        {
            ns.Dispose();
        }

        _namespaces.Clear();
        Directory?.Delete(recursive: true);
    }

    private NetworkNamespace Create(string role)
    {
        NetworkNamespace created = NetworkNamespace.Create($"{_prefix}-{role}");
        _namespaces.Add(created);
        return created;
    }

    /// <summary>A pod: its namespace and the addresses CNI ADD gave it.</summary>
    internal sealed record Pod(string Name, string NetnsPath, IReadOnlyList<IPAddress> Addresses);
}
