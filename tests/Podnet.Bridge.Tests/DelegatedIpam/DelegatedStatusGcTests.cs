using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Cni;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>
/// CNI 1.1.0 STATUS and GC with delegated IPAM. The spec: a plugin must pass STATUS and GC on to its delegate and
/// return an error when the delegate does. The Debian host-local (plugins 1.1.1) predates both commands and answers
/// them with error 4 "unknown CNI_COMMAND"; scripted delegates show the success and the error-50 paths.
/// </summary>
[Kernel]
public sealed class DelegatedStatusGcTests
{
    [Theory]
    [InlineData("STATUS")]
    [InlineData("GC")]
    public void A_delegate_without_the_command_makes_podnet_return_the_delegates_error(string command)
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        JsonObject config = WithValidAttachments(plugins.Config(plugins.HostLocalIpam("10.70.0.0/24"), "1.1.0"));
        PluginOutcome direct = RunDelegateDirectly(plugins, command, config);
        Assert.NotEqual(0, direct.ExitCode);

        PluginOutcome outcome = node.Run(node.Invocation(command, config)).AssertError(direct.ErrorCode!.Value);

        Assert.Contains(direct.ErrorMessage!, outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([command], plugins.RecordedCommands(DelegatePluginDirectory.Recorder));
        JsonNode? stdin = JsonNode.Parse(plugins.RecordedStdin(DelegatePluginDirectory.Recorder, command));
        Assert.Equal(JsonShape.Canonical(config), JsonShape.Canonical(stdin));
    }

    [Theory]
    [InlineData("STATUS")]
    [InlineData("GC")]
    public void A_delegate_that_succeeds_lets_the_command_succeed(string command)
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        plugins.AddScript("ready", "cat > /dev/null\nexit 0");
        plugins.AddRecorder("rec-ready", "ready");
        JsonObject config = WithValidAttachments(plugins.Config(plugins.HostLocalIpam("10.70.1.0/24", type: "rec-ready"), "1.1.0"));

        PluginOutcome outcome = node.Run(node.Invocation(command, config)).EnsureSuccess();

        Assert.True(string.IsNullOrWhiteSpace(outcome.Stdout), outcome.ToString());
        Assert.Equal([command], plugins.RecordedCommands("rec-ready"));
    }

    [Fact]
    public void Status_returns_the_delegates_plugin_not_available()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        plugins.AddScript("drained", "cat > /dev/null\necho '{\"cniVersion\":\"1.1.0\",\"code\":50,\"msg\":\"pool drained\"}'\nexit 1");
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.70.2.0/24", type: "drained"), "1.1.0");

        PluginOutcome status = node.Run(node.Invocation("STATUS", config)).AssertError(CniErrorCode.PluginNotAvailable);

        Assert.Contains("pool drained", status.ErrorMessage, StringComparison.Ordinal);
    }

    private static JsonObject WithValidAttachments(JsonObject config) =>
        config.With("cni.dev/valid-attachments", new JsonArray(new JsonObject { ["containerID"] = "ctr-kept", ["ifname"] = "eth0" }));

    private static PluginOutcome RunDelegateDirectly(DelegatePluginDirectory plugins, string command, JsonObject config) =>
        plugins.Node.Run(plugins.Node.Invocation(command, config)
            .WithExecutable(Path.Combine(plugins.Path, DelegatePluginDirectory.HostLocalCopy)));
}
