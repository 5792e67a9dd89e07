using System.Text.Json;
using Podnet.Cni.Tests.Commands.Support;
using Podnet.Testing.Json;

namespace Podnet.Cni.Tests.Commands;

/// <summary>The environment variables, checked as libcni's skel checks them.</summary>
public sealed class EnvironmentTests
{
    [Theory]
    [InlineData("ADD", new[] { "CNI_NETNS" }, "CNI_NETNS")]
    [InlineData("ADD", new[] { "CNI_CONTAINERID" }, "CNI_CONTAINERID")]
    [InlineData("ADD", new[] { "CNI_IFNAME" }, "CNI_IFNAME")]
    [InlineData("ADD", new[] { "CNI_PATH" }, "CNI_PATH")]
    [InlineData("ADD", new[] { "CNI_PATH", "CNI_NETNS", "CNI_IFNAME", "CNI_CONTAINERID" }, "CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH")]
    [InlineData("CHECK", new[] { "CNI_NETNS" }, "CNI_NETNS")]
    [InlineData("CHECK", new[] { "CNI_IFNAME", "CNI_PATH" }, "CNI_IFNAME,CNI_PATH")]
    [InlineData("DEL", new[] { "CNI_CONTAINERID" }, "CNI_CONTAINERID")]
    [InlineData("DEL", new[] { "CNI_NETNS", "CNI_IFNAME" }, "CNI_IFNAME")]
    [InlineData("DEL", new[] { "CNI_NETNS", "CNI_PATH" }, "CNI_PATH")]
    public void Missing_variables_are_named_as_libcni_names_them(string command, string[] removed, string expectedList)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.Without(command, removed), NetworkConfigs.Minimal("1.0.0"));

        outcome.AssertError(CniErrorCode.InvalidEnvironment);
        Assert.Equal($"required env variables [{expectedList}] missing", outcome.Message);
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public void An_empty_variable_counts_as_missing()
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.With("ADD", "CNI_NETNS", string.Empty), NetworkConfigs.Minimal("1.0.0"));

        outcome.AssertError(CniErrorCode.InvalidEnvironment);
        Assert.Equal("required env variables [CNI_NETNS] missing", outcome.Message);
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public void Missing_variable_error_is_written_in_the_latest_version()
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.Without("ADD", "CNI_NETNS"), NetworkConfigs.Minimal("0.4.0"));

        JsonElement error = outcome.AssertError(CniErrorCode.InvalidEnvironment);
        Assert.Equal(CniVersion.Latest, error.GetProperty("cniVersion").GetString());
        Assert.Equal(["cniVersion", "code", "msg"], JsonShape.Keys(error));
    }

    [Fact]
    public void Del_tolerates_a_missing_netns()
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.Without("DEL", "CNI_NETNS"), NetworkConfigs.Minimal("1.0.0"));

        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        CniRequest request = Assert.Single(plugin.Calls);
        Assert.Equal(CniCommand.Del, request.Command);
        Assert.Equal(string.Empty, request.Netns);
    }

    [Theory]
    [InlineData("FOO")]
    [InlineData("add")]
    [InlineData("DELETE")]
    [InlineData(" ADD")]
    public void An_unknown_command_is_code_4(string command)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For(command), NetworkConfigs.Minimal("1.0.0"));

        outcome.AssertError(CniErrorCode.InvalidEnvironment);
        Assert.Equal($"unknown CNI_COMMAND: {command}", outcome.Message);
        Assert.Empty(plugin.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_a_command_usage_goes_to_stderr_and_the_exit_code_is_0(bool emptyValue)
    {
        var plugin = new RecordingPlugin();
        Dictionary<string, string> environment = emptyValue ? CniEnvironment.With("ADD", "CNI_COMMAND", string.Empty) : CniEnvironment.Without("ADD", "CNI_COMMAND");
        HostOutcome outcome = InProcessHost.Run(plugin, environment, NetworkConfigs.Minimal("1.0.0"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.StandardOutput);
        string[] lines = outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(RecordingPlugin.AboutText, lines[0]);
        Assert.Equal("CNI protocol versions supported: 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0", lines[1]);
        Assert.Empty(plugin.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Version_without_stdin_answers_in_the_latest_version(string? stdin)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, new Dictionary<string, string> { ["CNI_COMMAND"] = "VERSION" }, stdin);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["cniVersion", "supportedVersions"], JsonShape.Keys(outcome.Json));
        Assert.Equal(CniVersion.Latest, outcome.Json.GetProperty("cniVersion").GetString());
        Assert.Equal(CniVersion.Supported, outcome.Json.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()!));
        Assert.Empty(plugin.Calls);
    }

    [Theory]
    [InlineData("""{"cniVersion":"0.3.1"}""", "0.3.1")]
    [InlineData("""{"cniVersion":"1.0.0","name":"x","type":"y","extra":[1,2]}""", "1.0.0")]
    [InlineData("""{"cniVersion":"9.9.9"}""", CniVersion.Latest)]
    [InlineData("""{"cniVersion":"abc"}""", CniVersion.Latest)]
    [InlineData("""{}""", CniVersion.Latest)]
    public void Version_with_stdin_answers_in_the_requested_version_when_supported(string stdin, string expected)
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), new Dictionary<string, string> { ["CNI_COMMAND"] = "VERSION" }, stdin);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(expected, outcome.Json.GetProperty("cniVersion").GetString());
    }

    [Fact]
    public void Version_with_malformed_stdin_is_a_decode_error()
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), new Dictionary<string, string> { ["CNI_COMMAND"] = "VERSION" }, """{"cniVersion":""");

        outcome.AssertError(CniErrorCode.DecodingFailure);
    }
}
