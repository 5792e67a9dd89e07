using Podnet.Cni.Tests.Commands.Support;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Container ids, interface names and network names, validated as libcni validates them.</summary>
public sealed class NameValidationTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("-leading-dash")]
    [InlineData(".hidden")]
    [InlineData("_underscore")]
    [InlineData("has space")]
    [InlineData("colon:inside")]
    [InlineData("ünïcode")]
    [InlineData("tab\tinside")]
    public void Invalid_container_ids_are_code_4(string id)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.With("ADD", "CNI_CONTAINERID", id), NetworkConfigs.Minimal("1.0.0"));

        Assert.Equal(id, outcome.AssertError(CniErrorCode.InvalidEnvironment).GetProperty("details").GetString());
        Assert.Equal("invalid characters in containerID", outcome.Message);
        Assert.Empty(plugin.Calls);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("abc.DEF_ghi-123")]
    [InlineData("4f1b6c0a8e2d9f3b5a7c1e0d2f4a6b8c9e1d3f5a7b9c0e2d4f6a8b0c1e3d5f7a")]
    public void Valid_container_ids_are_dispatched(string id)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.With("ADD", "CNI_CONTAINERID", id), NetworkConfigs.Minimal("1.0.0"));

        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        Assert.Equal(id, Assert.Single(plugin.Calls).ContainerId);
    }

    [Theory]
    [InlineData("abcdefghijklmnop", "interface name is too long")]
    [InlineData("ééééééééé", "interface name is too long")]
    [InlineData(".", "interface name is . or ..")]
    [InlineData("..", "interface name is . or ..")]
    [InlineData("eth/0", "interface name contains / or : or whitespace characters")]
    [InlineData("eth:0", "interface name contains / or : or whitespace characters")]
    [InlineData("eth 0", "interface name contains / or : or whitespace characters")]
    [InlineData("eth\t0", "interface name contains / or : or whitespace characters")]
    [InlineData("eth0\n", "interface name contains / or : or whitespace characters")]
    [InlineData("eth\u00a00", "interface name contains / or : or whitespace characters")]
    public void Invalid_interface_names_are_code_4(string name, string messageStart)
    {
        foreach (string command in new[] { "ADD", "DEL", "CHECK" })
        {
            var plugin = new RecordingPlugin();
            HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.With(command, "CNI_IFNAME", name), NetworkConfigs.Minimal("1.0.0"));

            outcome.AssertError(CniErrorCode.InvalidEnvironment);
            Assert.StartsWith(messageStart, outcome.Message, StringComparison.Ordinal);
            Assert.Empty(plugin.Calls);
        }
    }

    [Theory]
    [InlineData("abcdefghijklmno")]
    [InlineData("ééééééé")]
    [InlineData("net-1.2_3")]
    [InlineData("...")]
    [InlineData("-")]
    public void Interface_names_up_to_15_bytes_without_forbidden_characters_are_dispatched(string name)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.With("ADD", "CNI_IFNAME", name), NetworkConfigs.Minimal("1.0.0"));

        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        Assert.Equal(name, Assert.Single(plugin.Calls).InterfaceName);
    }

    [Theory]
    [InlineData("net/1", "invalid characters found in network name")]
    [InlineData(".net", "invalid characters found in network name")]
    [InlineData("-net", "invalid characters found in network name")]
    [InlineData("net 1", "invalid characters found in network name")]
    [InlineData("..", "invalid characters found in network name")]
    [InlineData("", "missing network name")]
    public void Invalid_network_names_are_code_7(string name, string message)
    {
        foreach (string command in new[] { "ADD", "DEL", "CHECK", "STATUS", "GC" })
        {
            var plugin = new RecordingPlugin();
            HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For(command), NetworkConfigs.Minimal("1.1.0", name));

            outcome.AssertError(CniErrorCode.InvalidNetworkConfig);
            Assert.Equal(message, outcome.Message);
            Assert.Empty(plugin.Calls);
        }
    }

    [Fact]
    public void A_config_without_name_is_code_7()
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), """{"cniVersion":"1.0.0","type":"recording"}""");

        outcome.AssertError(CniErrorCode.InvalidNetworkConfig);
        Assert.Equal("missing network name", outcome.Message);
    }

    [Fact]
    public void Name_is_checked_before_version_as_libcni_does()
    {
        // libcni's skel validates the name, container id and interface name before reconciling versions.
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("ADD"), """{"cniVersion":"9.9.9","type":"recording"}""");
        outcome.AssertError(CniErrorCode.InvalidNetworkConfig);

        outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.With("ADD", "CNI_IFNAME", "a/b"), NetworkConfigs.Minimal("9.9.9"));
        outcome.AssertError(CniErrorCode.InvalidEnvironment);
    }

    [Theory]
    [InlineData("STATUS")]
    [InlineData("GC")]
    public void Status_and_gc_ignore_container_id_and_interface_name(string command)
    {
        var plugin = new RecordingPlugin();
        Dictionary<string, string> environment = CniEnvironment.With(command, "CNI_IFNAME", "not/valid");
        environment["CNI_CONTAINERID"] = "not valid";
        HostOutcome outcome = InProcessHost.Run(plugin, environment, NetworkConfigs.Minimal("1.1.0"));

        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        Assert.Single(plugin.Calls);
    }

    [Fact]
    public void The_public_predicates_agree_with_the_host()
    {
        Assert.True(CniNames.IsValidContainerId("abc-1.2_3"));
        Assert.False(CniNames.IsValidContainerId("-abc"));
        Assert.False(CniNames.IsValidContainerId(string.Empty));
        Assert.False(CniNames.IsValidContainerId(null));
        Assert.True(CniNames.IsValidNetworkName("cbr0"));
        Assert.False(CniNames.IsValidNetworkName("a/b"));
        Assert.Null(CniNames.InterfaceNameProblem("eth0"));
        Assert.NotNull(CniNames.InterfaceNameProblem(string.Empty));
    }
}
