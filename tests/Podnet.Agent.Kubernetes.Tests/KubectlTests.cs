using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Podnet.Agent.Kubernetes.Tests.ApiServer;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests;

/// <summary>
/// The test server is only worth what it proves if a real client accepts it: the machine's kubectl (1.27-1.33 through
/// its version dispatcher) discovers the API, lists Nodes (paged) and watches them from it.
/// </summary>
public sealed class KubectlTests : IAsyncLifetime
{
    private const string Token = "kubectl-test-token";
    private readonly DirectoryInfo _directory = new(Podnet.Netlink.Testing.TestNames.CreateDirectory("kubectl"));
    private TestCertificates? _certificates;
    private TestApiServer? _server;
    private string _kubeconfig = "";

    private TestApiServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        _certificates = TestCertificates.Create();
        _server = await TestApiServer.StartAsync(_certificates, Token, IPAddress.Loopback);
        foreach (string file in new[] { Fixtures.KindDualStack, Fixtures.KindV125Raw, Fixtures.KopsV16Raw })
        {
            foreach (JsonObject node in Fixtures.Nodes(file))
            {
                Server.AddNode(node);
            }
        }

        _kubeconfig = TestKubeconfig.Write(_directory.FullName, Server.Url, _certificates.AuthorityPem, Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _certificates?.Dispose();
        _directory.Delete(recursive: true);
    }

    /// <summary>The kubectl minor versions the dispatcher has (it picks by the server's <c>/version</c>).</summary>
    public static TheoryData<int> Versions => [27, 28, 29, 30, 31, 32, 33];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Kubectl_get_nodes_json_returns_exactly_the_served_nodes_across_pages(int minor)
    {
        // Pages of 2: kubectl must follow metadata.continue to see all six.
        Server.MinorVersion = minor;
        Server.MaxPageSize = 2;
        (int exit, string stdout, string stderr) = await Kubectl.RunAsync(_kubeconfig, "get", "nodes", "-o", "json", "--show-managed-fields");

        Assert.True(exit == 0, $"kubectl exited {exit}\n{stderr}");
        JsonObject list = JsonNode.Parse(stdout)!.AsObject();
        JsonArray items = list["items"]!.AsArray();
        Assert.Equal(6, items.Count);
        foreach (JsonNode? item in items)
        {
            string name = item!["metadata"]!["name"]!.GetValue<string>();
            JsonObject served = Server.GetNode(name);
            served["kind"] = "Node";
            served["apiVersion"] = "v1";
            Assert.True(JsonNode.DeepEquals(served, item), $"kubectl printed {name} differently from what was served:\n{item.ToJsonString()}\n---\n{served.ToJsonString()}");
        }

        RequestRecord[] lists = [.. Server.Requests.Where(r => r.IsList)];
        Assert.Equal(3, lists.Length);
        Assert.Contains("limit=500", lists[0].Target, StringComparison.Ordinal);
        Assert.All(lists.Skip(1), r => Assert.Contains("continue=", r.Target, StringComparison.Ordinal));
        Assert.Contains(Server.Requests, r => r.Target.StartsWith("/api/v1?", StringComparison.Ordinal) || r.Target == "/api/v1");
        AssertDispatchedTo(minor);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Kubectl_get_nodes_watch_prints_the_nodes_then_a_change_made_on_the_server(int minor)
    {
        Server.MinorVersion = minor;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using Process kubectl = Kubectl.Start(_kubeconfig, ["get", "nodes", "--watch"], stdout, stderr);
        try
        {
            await Polling.UntilAsync(() => Kubectl.Read(stdout).Contains("ip-172-20-44-207", StringComparison.Ordinal) && Server.OpenWatches == 1, TimeSpan.FromSeconds(30),
                () => $"kubectl did not list and start watching\n{Kubectl.Read(stdout)}\n{Kubectl.Read(stderr)}");
            Assert.DoesNotContain("podnet-added", Kubectl.Read(stdout), StringComparison.Ordinal);

            JsonObject added = Fixtures.Node(Fixtures.KindV125Raw, "onprem-control-plane");
            added["metadata"]!["name"] = "podnet-added";
            Server.AddNode(added);
            await Polling.UntilAsync(() => Kubectl.Read(stdout).Contains("podnet-added", StringComparison.Ordinal), TimeSpan.FromSeconds(30),
                () => $"kubectl did not print the added node\n{Kubectl.Read(stdout)}\n{Kubectl.Read(stderr)}");
            RequestRecord watch = Server.Requests.Single(r => r.IsWatch);
            Assert.Contains("resourceVersion=", watch.Target, StringComparison.Ordinal);

            // Human-readable output is printed by the server: kubectl asked for Tables and printed their rows.
            Assert.Contains("as=Table", watch.Accept, StringComparison.Ordinal);
            Assert.Contains("as=Table", Server.Requests.First(r => r.IsList).Accept, StringComparison.Ordinal);
            string printed = Kubectl.Read(stdout);
            Assert.Matches(@"NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION", printed);
            Assert.Matches(@"dual-stack-control-plane\s+Ready\s+control-plane\s+\d+y\s+v1\.27\.2", printed);
            Assert.Matches(@"podnet-added\s+Ready\s+control-plane\s+\d+y\s+v1\.25\.3", printed);
            AssertDispatchedTo(minor);
        }
        finally
        {
            kubectl.Kill(entireProcessTree: true);
            await kubectl.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

    }

    /// <summary>The version dispatcher asked /version and ran kubectl 1.MINOR for everything else.</summary>
    private void AssertDispatchedTo(int minor)
    {
        Assert.Contains(Server.Requests, r => r.Target.StartsWith("/version", StringComparison.Ordinal));
        Assert.All(Server.Requests.Where(r => r.Target.StartsWith("/api", StringComparison.Ordinal)), r => Assert.StartsWith($"kubectl/v1.{minor}.", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kubectl_with_a_wrong_token_is_refused_with_401()
    {
        string wrong = TestKubeconfig.Write(_directory.FullName, Server.Url, _certificates!.AuthorityPem, "not-the-token", "wrong");
        (int exit, string _, string stderr) = await Kubectl.RunAsync(wrong, "get", "nodes", "-o", "json");

        Assert.NotEqual(0, exit);
        Assert.True(stderr.Contains("You must be logged in to the server", StringComparison.Ordinal), stderr);
        Assert.All(Server.Requests, r => Assert.Equal(401, r.Status));
    }
}
