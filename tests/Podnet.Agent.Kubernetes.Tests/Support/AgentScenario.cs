using System.Net;
using System.Text.Json.Nodes;
using Podnet.Agent.Kubernetes.Tests.ApiServer;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>
/// One node of the captured kind cluster in a namespace of its own, the test API server listening inside it on
/// 127.0.0.1, and podnetd running there as <see cref="KindCluster.ControlPlane"/> with a kubeconfig for the server.
/// </summary>
internal sealed class AgentScenario : IAsyncDisposable
{
    public const string Token = "podnetd-test-token";

    /// <summary>The control plane's <c>eth0</c> on kind's node network (172.18.0.0/16, fc00:f853:ccd:e793::/64), so the other captured nodes are on-link.</summary>
    public static readonly (IPAddress Address, int PrefixLength)[] KindNodeAddresses =
        [(IPAddress.Parse("172.18.0.7"), 16), (IPAddress.Parse("fc00:f853:ccd:e793::7"), 64)];

    private AgentScenario(TestNode node, TestCertificates certificates, TestApiServer server, DirectoryInfo directory, string kubeconfig)
    {
        Node = node;
        Certificates = certificates;
        Server = server;
        Directory = directory;
        Kubeconfig = kubeconfig;
    }

    public TestNode Node { get; }

    public TestCertificates Certificates { get; }

    public TestApiServer Server { get; }

    public DirectoryInfo Directory { get; }

    public string Kubeconfig { get; }

    public AgentRun? Agent { get; private set; }

    /// <summary>Creates the node and the server with <paramref name="nodes"/> (the three captured ones unless given).</summary>
    public static async Task<AgentScenario> CreateAsync(IEnumerable<JsonObject>? nodes = null)
    {
        TestNode node = TestNode.Create();
        TestCertificates? certificates = null;
        var directory = new DirectoryInfo(node.Directory);
        try
        {
            node.AddEth0(KindNodeAddresses);
            certificates = TestCertificates.Create();
            TestApiServer server = await TestApiServer.StartAsync(certificates, Token, IPAddress.Loopback, node.Path);
            foreach (JsonObject n in nodes ?? KindCluster.Nodes())
            {
                server.AddNode(n);
            }

            string kubeconfig = TestKubeconfig.Write(directory.FullName, server.Url, certificates.AuthorityPem, Token);
            return new AgentScenario(node, certificates, server, directory, kubeconfig);
        }
        catch
        {
            node.Dispose();
            certificates?.Dispose();
            throw;
        }
    }

    /// <summary>Starts podnetd as <paramref name="nodeName"/>.</summary>
    public AgentRun StartAgent(string nodeName = KindCluster.ControlPlane, params string[] extra)
    {
        Agent = AgentRun.Start(Node.Path, Path.Combine(Directory.FullName, "agent"), Kubeconfig, nodeName, extra);
        return Agent;
    }

    /// <summary>podnetd's routes now.</summary>
    public Task<List<KernelRoute>> RoutesAsync() => Ip.PodnetRoutesAsync(Node.Name);

    /// <summary>Waits until podnetd's routes are exactly <paramref name="expected"/>.</summary>
    public Task RoutesBecomeAsync(IReadOnlyList<KernelRoute> expected, string what, TimeSpan? timeout = null) =>
        Polling.UntilAsync(
            async () => (await RoutesAsync()).SequenceEqual(expected),
            timeout ?? TimeSpan.FromSeconds(20),
            () => $"{what}: routes are\n  {string.Join("\n  ", RoutesAsync().GetAwaiter().GetResult())}\nexpected\n  {string.Join("\n  ", expected)}\n--- podnetd log ---\n{Agent?.Log}");

    /// <summary>The list requests the server answered so far.</summary>
    public int Lists => Server.Requests.Count(r => r.IsList);

    public async ValueTask DisposeAsync()
    {
        Agent?.Dispose();
        await Server.DisposeAsync();
        Certificates.Dispose();
        Node.Dispose();
    }
}
