using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>
/// ADD, CHECK and DEL with an <c>ipam.type</c> other than host-local: podnet must exec that binary from
/// <c>CNI_PATH</c> with its own environment and the full configuration, and use what it returns.
/// </summary>
[Kernel]
public sealed class DelegatedLifecycleTests
{
    [Fact]
    public void Add_takes_the_address_from_the_delegate_and_del_releases_it_there()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.66.0.0/24"));

        JsonObject result = node.Add(pod, config).Result;

        IPAddress ip = PodConnectivityTests.ResultAddress(result);
        Assert.True(IPNetwork.Parse("10.66.0.0/24").Contains(ip), $"{ip} is not from the delegate's range");
        Assert.Equal("10.66.0.1", result["ips"]![0]!["gateway"].Text());
        Assert.Equal(ip, NamespaceInspector.AddressOf(pod.Path, pod.InterfaceName));
        Assert.Equal([ip.ToString()], plugins.DelegateReservations());
        string[] owner = File.ReadAllLines(Path.Combine(plugins.DelegateStore, ip.ToString()));
        Assert.Equal([pod.ContainerId, pod.InterfaceName], owner.Select(line => line.Trim()));
        Assert.Single(NamespaceInspector.Veths(node.Path));

        node.Del(pod, config).EnsureSuccess();

        Assert.Empty(plugins.DelegateReservations());
        Assert.Empty(NamespaceInspector.Veths(node.Path));
        Assert.Null(NamespaceInspector.Link(pod.Path, pod.InterfaceName));
        Assert.Equal(["ADD", "DEL"], plugins.RecordedCommands(DelegatePluginDirectory.Recorder));
    }

    [Fact]
    public void The_delegate_gets_the_same_environment_and_the_complete_configuration()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.66.1.0/24"))
            .With("args", new JsonObject { ["cni"] = new JsonObject { ["note"] = "kept" } });
        PluginInvocation add = node.Invocation("ADD", pod, config).With("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=web");

        node.Run(add).EnsureSuccess();

        Dictionary<string, string> seen = plugins.RecordedEnvironment(DelegatePluginDirectory.Recorder, "ADD");
        foreach ((string name, string value) in add.Environment)
        {
            Assert.True(seen.TryGetValue(name, out string? delegated), $"{name} was not passed to the delegate");
            Assert.Equal(value, delegated);
        }

        JsonNode? stdin = JsonNode.Parse(plugins.RecordedStdin(DelegatePluginDirectory.Recorder, "ADD"));
        Assert.Equal(JsonShape.Canonical(config), JsonShape.Canonical(stdin));
    }

    [Fact]
    public void Check_runs_the_delegates_check_and_passes_while_the_reservation_exists()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.66.2.0/24")).With("isDefaultGateway", true);
        JsonObject result = node.Add(pod, config).Result;

        PluginOutcome check = node.Check(pod, config, result).EnsureSuccess();

        Assert.True(string.IsNullOrWhiteSpace(check.Stdout), check.ToString());
        Assert.Equal(["ADD", "CHECK"], plugins.RecordedCommands(DelegatePluginDirectory.Recorder));
        JsonNode? stdin = JsonNode.Parse(plugins.RecordedStdin(DelegatePluginDirectory.Recorder, "CHECK"));
        Assert.Equal(JsonShape.Canonical(result), JsonShape.Canonical(stdin!["prevResult"]));
    }

    [Fact]
    public void Check_fails_with_the_delegates_error_when_the_delegate_lost_the_reservation()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.66.3.0/24"));
        JsonObject result = node.Add(pod, config).Result;
        File.Delete(Path.Combine(plugins.DelegateStore, PodConnectivityTests.ResultAddress(result).ToString()));
        PluginOutcome direct = node.Run(node.Invocation("CHECK", pod, BridgeNetworkConfig.WithPreviousResult(config, result))
            .WithExecutable(Path.Combine(plugins.Path, DelegatePluginDirectory.HostLocalCopy)));
        Assert.NotEqual(0, direct.ExitCode);

        PluginOutcome check = node.Check(pod, config, result).AssertError(direct.ErrorCode!.Value);

        Assert.Contains(direct.ErrorMessage!, check.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(DelegatePluginDirectory.Recorder, check.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Del_is_idempotent_and_reaches_the_delegate_after_the_pod_namespace_is_gone()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.66.4.0/24"));
        node.Add(pod, config).EnsureSuccess();
        pod.Dispose();

        node.Del(pod, config).EnsureSuccess();
        node.Del(pod, config).EnsureSuccess();

        Assert.Empty(plugins.DelegateReservations());
        Assert.Equal(["ADD", "DEL", "DEL"], plugins.RecordedCommands(DelegatePluginDirectory.Recorder));
    }
}
