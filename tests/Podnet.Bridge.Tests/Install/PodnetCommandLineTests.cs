using Podnet.Bridge.Tests.Routing;

namespace Podnet.Bridge.Tests.Install;

/// <summary>The operator-facing entry points of the binary: no arguments, <c>version</c>, <c>--help</c> on each verb, an unknown command.</summary>
[Kernel]
public sealed class PodnetCommandLineTests
{
    [Fact]
    public async Task Podnet_without_arguments_or_cni_command_prints_version_and_usage_and_exits_0()
    {
        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync([]);

        // Like the reference plugins, a bare run is not an error: it tells who it is and how to use it (on stderr).
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(@"^podnet \d+\.\d+\.\d+\S*: CNI bridge plugin", outcome.Stderr);
        Assert.Contains("CNI protocol versions supported: 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("podnet routes sync --cluster FILE --node NAME [--watch]", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("podnet install ...", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcome.Stdout);
    }

    [Fact]
    public async Task Podnet_version_prints_the_version_and_the_supported_cni_versions()
    {
        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(["version"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(@"^podnet \d+\.\d+\.\d+\S*\nCNI protocol versions supported: 0\.3\.0, 0\.3\.1, 0\.4\.0, 1\.0\.0, 1\.1\.0\n$", outcome.Stdout);
    }

    [Theory]
    [InlineData("podnet install", new[] { "install", "--help" })]
    [InlineData("podnet routes sync", new[] { "routes", "sync", "--help" })]
    public async Task Help_on_an_operator_verb_prints_that_verbs_usage_and_exits_0(string usage, string[] arguments)
    {
        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(arguments);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains(usage, outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(["frobnicate"]);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("podnet: unknown command: frobnicate", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", outcome.Stderr, StringComparison.Ordinal);
    }
}
