using System.Text.Json;
using Podnet.Cni.Tests.Commands.Support;
using Podnet.Testing.Json;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Every command in every supported version: dispatched, or refused exactly as the specification requires.</summary>
public sealed class CommandMatrixTests
{
    public static TheoryData<string, string> CommandsAndVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (string command in new[] { "ADD", "DEL", "CHECK", "STATUS", "GC", "VERSION" })
        {
            foreach (string version in new[] { "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0" })
            {
                data.Add(command, version);
            }
        }

        return data;
    }

    [Fact]
    public void The_supported_versions_are_exactly_those_the_matrix_covers() =>
        Assert.Equal(["0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"], CniVersion.Supported);

    [Theory]
    [MemberData(nameof(CommandsAndVersions))]
    public void Command_is_dispatched_or_refused_per_spec(string command, string version)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For(command), NetworkConfigs.Minimal(version));

        string? refusal = command switch
        {
            "CHECK" when CniVersion.Compare(version, "0.4.0") < 0 => "config version does not allow CHECK",
            "STATUS" or "GC" when CniVersion.Compare(version, "1.1.0") < 0 => $"config version does not allow {command}",
            _ => null,
        };

        if (refusal is not null)
        {
            JsonElement error = outcome.AssertError(CniErrorCode.IncompatibleVersion);
            Assert.Equal(refusal, outcome.Message);
            Assert.Equal(version, error.GetProperty("cniVersion").GetString());
            Assert.Empty(plugin.Calls);
            return;
        }

        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        if (command == "VERSION")
        {
            Assert.Empty(plugin.Calls);
            JsonElement reply = outcome.Json;
            Assert.Equal(["cniVersion", "supportedVersions"], JsonShape.Keys(reply));
            Assert.Equal(version, reply.GetProperty("cniVersion").GetString());
            Assert.Equal(CniVersion.Supported, reply.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()!));
            return;
        }

        CniRequest request = Assert.Single(plugin.Calls);
        Assert.Equal(Enum.Parse<CniCommand>(command, ignoreCase: true), request.Command);
        Assert.Equal(version, request.CniVersion);
        Assert.Equal(NetworkConfigs.NetworkName, request.NetworkName);
        Assert.Equal("recording", request.PluginType);
        Assert.Equal(NetworkConfigs.Minimal(version), System.Text.Encoding.UTF8.GetString(request.Config.Span));
        Assert.Equal(["/opt/cni/bin", "/usr/lib/cni"], request.Path);
        if (command == "ADD")
        {
            Assert.Equal(version, outcome.Json.GetProperty("cniVersion").GetString());
        }
        else
        {
            // DEL, CHECK, STATUS and GC print nothing on success.
            Assert.Equal(string.Empty, outcome.StandardOutput);
        }
    }

    [Theory]
    [InlineData("ADD")]
    [InlineData("DEL")]
    [InlineData("CHECK")]
    public void Attachment_commands_carry_the_environment_into_the_request(string command)
    {
        var plugin = new RecordingPlugin();
        Dictionary<string, string> environment = CniEnvironment.With(command, "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=web-0");
        HostOutcome outcome = InProcessHost.Run(plugin, environment, NetworkConfigs.Minimal("1.1.0"));

        Assert.Equal(0, outcome.ExitCode);
        CniRequest request = Assert.Single(plugin.Calls);
        Assert.Equal(CniEnvironment.ContainerId, request.ContainerId);
        Assert.Equal(CniEnvironment.Netns, request.Netns);
        Assert.Equal(CniEnvironment.InterfaceName, request.InterfaceName);
        Assert.Equal("web-0", request.Args.Get("K8S_POD_NAME"));
        Assert.True(request.Args.IgnoreUnknown);
        Assert.Same(environment, request.Environment);
    }

    [Theory]
    [InlineData("STATUS")]
    [InlineData("GC")]
    public void Status_and_gc_need_no_container_variables(string command)
    {
        var plugin = new RecordingPlugin();
        Dictionary<string, string> environment = CniEnvironment.Without(command, "CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME");
        HostOutcome outcome = InProcessHost.Run(plugin, environment, NetworkConfigs.Minimal("1.1.0"));

        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        Assert.Equal(Enum.Parse<CniCommand>(command, ignoreCase: true), Assert.Single(plugin.Calls).Command);
    }
}
