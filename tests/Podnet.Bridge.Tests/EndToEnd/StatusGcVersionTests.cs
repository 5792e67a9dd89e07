using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Cni;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>The node-level commands: STATUS, GC (CNI 1.1.0) and VERSION.</summary>
[Kernel]
public sealed class StatusGcVersionTests
{
    [Fact]
    public void Status_succeeds_on_a_node_with_free_addresses()
    {
        using TestNode node = TestNode.Create();

        PluginOutcome status = node.Run(PluginInvocation.Create("STATUS", node.Config("1.1.0"))).EnsureSuccess();

        Assert.True(string.IsNullOrWhiteSpace(status.Stdout), status.ToString());
    }

    [Fact]
    public void Status_returns_50_when_the_range_is_exhausted()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config("1.1.0", "10.77.0.0/30");
        node.Run(PluginInvocation.Create("STATUS", config)).EnsureSuccess();
        node.Add(node.CreatePod(), config).EnsureSuccess();

        node.Run(PluginInvocation.Create("STATUS", config)).AssertError(CniErrorCode.PluginNotAvailable);
    }

    [Fact]
    public void Gc_releases_the_ips_of_attachments_not_listed_as_valid()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config("1.1.0");
        IReadOnlyList<TestPod> pods = node.CreatePods(3);
        JsonObject[] results = [.. pods.Select(p => node.Add(p, config).Result)];
        IPAddress[] ips = [.. results.Select(r => PodConnectivityTests.ResultAddress(r))];
        JsonObject gc = config.With(
            "cni.dev/valid-attachments",
            new JsonArray(new JsonObject { ["containerID"] = pods[0].ContainerId, ["ifname"] = pods[0].InterfaceName }));

        node.Run(PluginInvocation.Create("GC", gc)).EnsureSuccess();

        List<string> files = IpamStoreSnapshot.FileNames(node.StoreDirectory);
        Assert.Contains(ips[0].ToString(), files);
        Assert.DoesNotContain(ips[1].ToString(), files);
        Assert.DoesNotContain(ips[2].ToString(), files);
        node.Check(pods[0], config, results[0]).EnsureSuccess();
    }

    [Fact]
    public void Version_prints_every_supported_version_in_the_requested_cniVersion()
    {
        using TestNode node = TestNode.Create();

        JsonObject version = node.Run(PluginInvocation.Create("VERSION", "{\"cniVersion\":\"1.0.0\"}")).Result;

        Assert.Equal("1.0.0", version["cniVersion"]!.GetValue<string>());
        string[] supported = [.. version["supportedVersions"]!.AsArray().Select(v => v!.GetValue<string>())];
        Assert.Equal(["0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"], supported);
    }

    [Fact]
    public void Version_without_a_config_answers_in_the_latest_version()
    {
        using TestNode node = TestNode.Create();

        JsonObject version = node.Run(PluginInvocation.Create("VERSION", string.Empty)).Result;

        Assert.Equal("1.1.0", version["cniVersion"]!.GetValue<string>());
        Assert.Contains("1.1.0", version["supportedVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}
