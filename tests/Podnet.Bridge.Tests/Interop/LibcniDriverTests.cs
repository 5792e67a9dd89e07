using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>The driver's own contract: exit codes and the CNI error it passes on.</summary>
[Kernel]
public sealed class LibcniDriverTests
{
    [Fact]
    public async Task Driver_without_a_verb_exits_with_usage()
    {
        LibcniDriver driver = await LibcniDriver.LocateAsync(TestContext.Current.CancellationToken);

        ProcessOutcome outcome = await driver.RunRawAsync([], TestContext.Current.CancellationToken);

        Assert.True(outcome.ExitCode == LibcniOutcome.UsageExitCode, outcome.ToString());
        Assert.Contains("usage:", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_before_add_reports_no_cached_result()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        LibcniDriver driver = await LibcniDriver.LocateAsync(cancellationToken);
        using TestNode sandbox = TestNode.Create();
        TestPod sandboxPod = sandbox.CreatePod();
        LibcniRuntimeConf runtimeConf = ReferenceBridgeRuntimeConf(sandbox, sandboxPod);

        LibcniOutcome cached = await driver.RunAsync(LibcniCommand.Cached, runtimeConf, cancellationToken);

        Assert.True(cached.ExitCode == LibcniOutcome.NoCachedResultExitCode, cached.ToString());
        Assert.Equal("", cached.Stdout);
    }

    [Fact]
    public async Task Plugin_error_reaches_the_caller_as_a_cni_error()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        LibcniDriver driver = await LibcniDriver.LocateAsync(cancellationToken);
        using TestNode sandbox = TestNode.Create();
        TestPod sandboxPod = sandbox.CreatePod();
        // host-local refuses a configuration without ranges.
        string conflist = $$$"""
            {"cniVersion":"1.0.0","name":"{{{sandbox.NetworkName}}}","plugins":[{"type":"bridge","bridge":"{{{sandbox.BridgeName}}}",
             "ipam":{"type":"host-local","dataDir":"{{{sandbox.DataDirectory}}}"}}]}
            """;
        LibcniRuntimeConf runtimeConf = RuntimeConf(sandbox, sandboxPod, sandbox.WriteConflist(conflist));

        LibcniOutcome add = await driver.RunAsync(LibcniCommand.Add, runtimeConf, cancellationToken);

        Assert.True(add.ExitCode == LibcniOutcome.CniErrorExitCode, add.ToString());
        Assert.NotNull(add.CniErrorCode);
        Assert.Contains("no IP ranges", add.CniErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_the_versions_the_reference_bridge_supports()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        LibcniDriver driver = await LibcniDriver.LocateAsync(cancellationToken);
        using TestNode sandbox = TestNode.Create();
        TestPod sandboxPod = sandbox.CreatePod();
        LibcniRuntimeConf runtimeConf = ReferenceBridgeRuntimeConf(sandbox, sandboxPod);

        LibcniOutcome validate = await driver.RunAsync(LibcniCommand.Validate, runtimeConf, cancellationToken);

        Assert.True(validate.Succeeded, validate.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(validate.Stdout);
        string?[] bridgeVersions = [.. document.RootElement.GetProperty("bridge").EnumerateArray().Select(v => v.GetString())];
        Assert.Contains("0.4.0", bridgeVersions);
        Assert.Contains("1.0.0", bridgeVersions);
    }

    /// <summary>The reference bridge (CNI 1.0.0) with host-local over the sandbox's subnet, run in the sandbox's node.</summary>
    private static LibcniRuntimeConf ReferenceBridgeRuntimeConf(TestNode sandbox, TestPod sandboxPod)
    {
        var conflist = new BridgeConflist(
            "1.0.0", sandbox.NetworkName, "bridge", sandbox.BridgeName, InteropNode.Subnet, sandbox.DataDirectory);
        return RuntimeConf(sandbox, sandboxPod, sandbox.WriteConflist(conflist.ToJson()));
    }

    private static LibcniRuntimeConf RuntimeConf(TestNode sandbox, TestPod sandboxPod, string conflistPath) =>
        new(conflistPath, sandboxPod.Path, sandboxPod.ContainerId, "eth0", [PluginDirectory.Reference], sandbox.CacheDirectory())
        {
            Node = sandbox.Namespace.Namespace,
        };
}
