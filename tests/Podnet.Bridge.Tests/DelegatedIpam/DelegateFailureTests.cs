using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Cni;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>
/// A failing delegate fails the ADD with the delegate's own error; podnet then runs DEL on the delegate (the spec's
/// delegation procedure) and leaves no link behind.
/// </summary>
[Kernel]
public sealed class DelegateFailureTests
{
    [Fact]
    public void An_exhausted_delegate_range_fails_the_add_with_the_delegates_code_and_message()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.69.0.0/30"));
        TestPod first = node.CreatePod();
        IPAddress firstIp = PodConnectivityTests.ResultAddress(node.Add(first, config).Result);
        TestPod second = node.CreatePod();
        PluginOutcome direct = node.Run(node.Invocation("ADD", second, config)
            .WithExecutable(Path.Combine(plugins.Path, DelegatePluginDirectory.HostLocalCopy)));
        Assert.NotEqual(0, direct.ExitCode);

        PluginOutcome add = node.Add(second, config).AssertError(direct.ErrorCode!.Value);

        Assert.Contains(direct.ErrorMessage!, add.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["ADD", "ADD", "DEL"], plugins.RecordedCommands(DelegatePluginDirectory.Recorder));
        Assert.Equal([firstIp.ToString()], plugins.DelegateReservations());
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(second.Path));
        Assert.Single(NamespaceInspector.Veths(node.Path));
    }

    [Fact]
    public void A_delegate_missing_from_CNI_PATH_fails_with_7_before_anything_is_created()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.69.1.0/24", type: "no-such-ipam"));

        PluginOutcome add = node.Add(pod, config).AssertError(CniErrorCode.InvalidNetworkConfig);

        Assert.Contains("failed to find plugin", add.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("no-such-ipam", add.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(node.Path));
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(plugins.DataDirectory));
    }

    [Fact]
    public void A_delegate_that_reserves_but_reports_no_address_is_released_again()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        plugins.AddScript(
            "no-ips",
            $$"""
            if [ "$CNI_COMMAND" = ADD ]; then
              "$dir/{{DelegatePluginDirectory.HostLocalCopy}}" > /dev/null || exit 1
              echo '{"cniVersion":"1.0.0","ips":[]}'
              exit 0
            fi
            exec "$dir/{{DelegatePluginDirectory.HostLocalCopy}}"
            """);
        plugins.AddRecorder("rec-no-ips", "no-ips");
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.69.2.0/24", type: "rec-no-ips"));

        PluginOutcome add = node.Add(pod, config).AssertError(CniErrorCode.InvalidNetworkConfig);

        Assert.Contains("no IP addresses", add.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["ADD", "DEL"], plugins.RecordedCommands("rec-no-ips"));
        Assert.Empty(plugins.DelegateReservations());
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
    }

    [Fact]
    public void A_delegate_that_fails_before_reading_stdin_still_has_its_error_reported()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        plugins.AddScript("impatient", "echo '{\"code\":11,\"msg\":\"busy, try later\"}'\nexit 1");
        TestPod pod = node.CreatePod();

        // Larger than a pipe buffer: podnet's write to the delegate's stdin is still blocked when the delegate exits.
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.69.4.0/24", type: "impatient"))
            .With("padding", new string('p', 256 * 1024));

        PluginOutcome add = node.Add(pod, config).AssertError(CniErrorCode.TryAgainLater);

        Assert.Contains("busy, try later", add.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
    }

    [Fact]
    public void A_delegate_failing_without_an_error_object_fails_with_5_and_its_exit_code()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        plugins.AddScript("garbage", "cat > /dev/null\necho 'not json'\nexit 3");
        TestPod pod = node.CreatePod();
        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.69.3.0/24", type: "garbage"));

        PluginOutcome add = node.Add(pod, config).AssertError(CniErrorCode.IOFailure);

        Assert.Contains("exit code 3", add.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(NamespaceInspector.Veths(node.Path));
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
    }
}
