using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Podnet.Netlink;
using Podnet.Testing.Cluster;
using Podnet.Testing.Etcd;

namespace Podnet.Testing.Agents;

/// <summary>
/// <c>podnetd</c> with an etcd backend on a <see cref="SimulatedCluster"/>: a real etcd cluster whose members are hosts
/// on the node network (192.168.1.201, .202, ...), the administrative verbs (<c>network init</c>, <c>network reserve</c>,
/// <c>leave</c>) run from the first member's host, and agents started inside node namespaces with the node's own
/// directories. Disposing stops the agents (through the simulated cluster) and the etcd members; the simulated
/// cluster stays the caller's.
/// </summary>
internal sealed class PodnetdNetwork : IAsyncDisposable
{
    /// <summary>Where each agent serves /healthz, /readyz and /metrics inside its node's namespace.</summary>
    public const int HealthPort = 9155;

    /// <summary>The etcd prefix every agent and verb uses (flannel's layout under it).</summary>
    public const string EtcdPrefix = "/podnet/network";

    private readonly Dictionary<SimulatedNode, NodeProcess> _agents = [];

    private PodnetdNetwork(SimulatedCluster cluster, string podnetd, EtcdCluster etcd, IReadOnlyList<SimulatedHost> hosts)
    {
        Cluster = cluster;
        Podnetd = podnetd;
        Etcd = etcd;
        EtcdHosts = hosts;
        Endpoints = string.Join(',', etcd.Endpoints.Select(e => e.GetLeftPart(UriPartial.Authority)));
    }

    /// <summary>The simulated cluster the agents run in.</summary>
    public SimulatedCluster Cluster { get; }

    /// <summary>The <c>podnetd</c> binary (with <c>podnet</c> beside it, which the agent installs on its node).</summary>
    public string Podnetd { get; }

    /// <summary>The etcd cluster.</summary>
    public EtcdCluster Etcd { get; }

    /// <summary>The hosts the etcd members run on.</summary>
    public IReadOnlyList<SimulatedHost> EtcdHosts { get; }

    /// <summary>The value of <c>--etcd-endpoints</c>.</summary>
    public string Endpoints { get; }

    /// <summary>The agent running (or last started) on each node.</summary>
    public IReadOnlyDictionary<SimulatedNode, NodeProcess> Agents => _agents;

    /// <summary>Adds <paramref name="members"/> hosts at 192.168.1.201, .202, ... to <paramref name="cluster"/> and starts an etcd member on each.</summary>
    public static async Task<PodnetdNetwork> StartAsync(SimulatedCluster cluster, string podnetd, int members = 3, EtcdClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var hosts = new List<SimulatedHost>();
        for (int i = 1; i <= members; i++)
        {
            hosts.Add(cluster.AddHost($"etcd{i}", IPAddress.Parse($"192.168.1.{(200 + i).ToString(CultureInfo.InvariantCulture)}")));
        }

        EtcdCluster etcd = await EtcdCluster.StartAsync([.. hosts.Select(h => new EtcdPlacement(h.NamespacePath, h.Address))], options, cancellationToken);
        return new PodnetdNetwork(cluster, podnetd, etcd, hosts);
    }

    /// <summary>Runs <c>podnetd ARGS --etcd-endpoints ...</c> to completion from the first etcd member's host.</summary>
    public NodeCommand.Outcome Admin(params IReadOnlyList<string> arguments) =>
        NodeCommand.Run(EtcdHosts[0].NamespacePath, Podnetd, null, null, [.. arguments, "--etcd-endpoints", Endpoints, "--etcd-prefix", EtcdPrefix]);

    /// <summary><c>podnetd network init</c>; throws when it fails.</summary>
    public NodeCommand.Outcome InitNetwork(string network, int? subnetLength = null) =>
        Require(Admin(["network", "init", "--network", network, .. subnetLength is { } n ? new[] { "--subnet-len", n.ToString(CultureInfo.InvariantCulture) } : []]), "network init");

    /// <summary><c>podnetd network reserve</c> of <paramref name="subnet"/> for <paramref name="node"/>; throws when it fails.</summary>
    public NodeCommand.Outcome Reserve(string subnet, SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Require(Admin("network", "reserve", "--subnet", subnet, "--public-ip", node.NodeIp.ToString(), "--node", node.Name), "network reserve");
    }

    /// <summary><c>podnetd leave --node NAME</c> (not checked: the caller asserts).</summary>
    public NodeCommand.Outcome Leave(SimulatedNode node, bool releaseReservation = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Admin(["leave", "--node", node.Name, .. releaseReservation ? new[] { "--release-reservation" } : []]);
    }

    /// <summary>The arguments of <c>podnetd run --backend etcd</c> for <paramref name="node"/>.</summary>
    public IReadOnlyList<string> AgentArguments(SimulatedNode node, TimeSpan? leaseTtl = null, params IReadOnlyList<string> extra)
    {
        ArgumentNullException.ThrowIfNull(node);
        return
        [
            "run", "--backend", "etcd", "--etcd-endpoints", Endpoints, "--etcd-prefix", EtcdPrefix,
            "--node", node.Name, "--public-ip", node.NodeIp.ToString(),
            "--cni-conf-dir", node.ConfigDirectory, "--cni-bin-dir", node.BinDirectory, "--subnet-file", node.SubnetFile,
            "--health-addr", $"127.0.0.1:{HealthPort.ToString(CultureInfo.InvariantCulture)}", "--resync", "2s",
            .. leaseTtl is { } ttl ? new[] { "--lease-ttl", $"{(int)ttl.TotalSeconds}s" } : [],
            .. extra,
        ];
    }

    /// <summary>Starts <c>podnetd run --backend etcd</c> inside <paramref name="node"/>'s namespace.</summary>
    public NodeProcess StartAgent(SimulatedNode node, TimeSpan? leaseTtl = null, params IReadOnlyList<string> extra)
    {
        NodeProcess agent = Cluster.Start($"podnetd on {node.Name}", node.NamespacePath, Podnetd, AgentArguments(node, leaseTtl, extra));
        _agents[node] = agent;
        return agent;
    }

    /// <summary>Waits until the agent on <paramref name="node"/> has written its subnet file and answers /readyz with 200; returns the node's subnet.</summary>
    public async Task<IPNetwork> WaitReadyAsync(SimulatedNode node, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (SubnetOf(node) is { } subnet && await HttpStatusAsync(node, "/readyz", cancellationToken) == 200)
            {
                return subnet;
            }

            NodeProcess? agent = _agents.GetValueOrDefault(node);
            if (agent is { HasExited: true })
            {
                agent.WaitForExit(TimeSpan.FromSeconds(1));
                throw new SimulatedClusterException($"{agent.Label} exited with {agent.ExitCode} before it was ready:\n{agent.Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{node.Name} was not ready in time:\n{agent?.Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The subnet in the node's subnet file (FLANNEL_SUBNET), or null while there is none.</summary>
    public static IPNetwork? SubnetOf(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string text;
        try
        {
            text = File.ReadAllText(node.SubnetFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("FLANNEL_SUBNET=", StringComparison.Ordinal) && IPNetwork.TryParse(line["FLANNEL_SUBNET=".Length..], out IPNetwork gateway))
            {
                return new IPNetwork(gateway.BaseAddress, gateway.PrefixLength);
            }
        }

        return null;
    }

    /// <summary>GETs <paramref name="path"/> from the agent's health server inside the node's namespace; the HTTP status, or null when nothing listens.</summary>
    public static async Task<int?> HttpStatusAsync(SimulatedNode node, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        using Socket socket = NetworkNamespace.RunInNamespace(node.NamespacePath, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, HealthPort), timeout.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), timeout.Token);
            byte[] buffer = new byte[256];
            int received = 0;
            while (received < 12)
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(received), timeout.Token);
                if (n == 0)
                {
                    break;
                }

                received += n;
            }

            string head = Encoding.ASCII.GetString(buffer, 0, received);
            return head.Length >= 12 && int.TryParse(head.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int status) ? status : null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The routes podnetd made on <paramref name="node"/> (protocol 98), as "SUBNET via IP" lines, sorted.</summary>
    public static List<string> PodRoutes(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return [.. SimulatedCluster.Ip(node.NamespacePath, "-4", "route", "show", "proto", "98")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ') is [string subnet, "via", string via, ..] ? $"{subnet} via {via}" : line)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The "SUBNET via IP" routes a node of <paramref name="members"/> should have: every other member's subnet via its address.</summary>
    public static List<string> ExpectedRoutes(SimulatedNode node, IReadOnlyDictionary<SimulatedNode, IPNetwork> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return [.. members.Where(m => m.Key != node).Select(m => $"{m.Value} via {m.Key.NodeIp}").Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Waits until every node of <paramref name="members"/> routes exactly every other member's subnet via that
    /// member's address; throws with the differences when that does not happen in time.
    /// </summary>
    public static async Task WaitForRoutesAsync(IReadOnlyDictionary<SimulatedNode, IPNetwork> members, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var wrong = new List<string>();
            foreach (SimulatedNode node in members.Keys)
            {
                List<string> actual = PodRoutes(node);
                List<string> expected = ExpectedRoutes(node, members);
                if (!actual.SequenceEqual(expected))
                {
                    wrong.Add($"{node.Name}: has [{string.Join("; ", actual)}], expected [{string.Join("; ", expected)}]");
                }
            }

            if (wrong.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("routes did not converge:\n" + string.Join('\n', wrong));
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stops the etcd members (the agents go with the simulated cluster).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (NodeProcess agent in _agents.Values)
        {
            agent.Dispose();
        }

        await Etcd.DisposeAsync();
    }

    private static NodeCommand.Outcome Require(NodeCommand.Outcome outcome, string what) =>
        outcome.ExitCode == 0 ? outcome : throw new SimulatedClusterException($"podnetd {what} failed with exit code {outcome.ExitCode}:\n{outcome.Output}");
}
