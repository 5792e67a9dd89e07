using System.Text;
using Podnet.Cni.Schema;

namespace Podnet.Cni.Tests.Schema;

public sealed class SpecExampleTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void Network_configuration_example_decodes_and_round_trips()
    {
        NetworkConfigurationList list = NetworkConfigurationList.Parse(Utf8(SpecExamples.NetworkConfiguration));

        Assert.Equal("1.1.0", list.CniVersion);
        Assert.Equal(["0.3.1", "0.4.0", "1.0.0", "1.1.0"], list.CniVersions);
        Assert.Equal("dbnet", list.Name);
        Assert.Null(list.DisableCheck);
        Assert.Equal(["bridge", "tuning", "portmap"], list.Plugins!.Select(p => p.Type));
        Assert.Equal(["10.1.0.1"], list.Plugins![0].Dns!.Nameservers);
        Assert.True(list.Plugins![1].Capabilities!["mac"]);
        Assert.True(list.Plugins![2].Capabilities!["portMappings"]);
        Assert.Equal(["bridge", "keyA"], list.Plugins![0].AdditionalProperties!.Select(p => p.Key));
        Assert.Equal("sysctl", Assert.Single(list.Plugins![1].AdditionalProperties!).Key);

        JsonEquivalence.AssertEquivalent(SpecExamples.NetworkConfiguration, list.ToUtf8Bytes());
    }

    [Fact]
    public void Bridge_plugin_configuration_reads_its_own_fields_and_delegates_ipam_as_raw_json()
    {
        NetworkConfigurationList list = NetworkConfigurationList.Parse(Utf8(SpecExamples.NetworkConfiguration));
        byte[] pluginJson = list.Plugins![0].ToUtf8Bytes();

        BridgeConfiguration bridge = BridgeConfiguration.Parse(pluginJson);
        HostLocalIpamConfiguration ipam = HostLocalIpamConfiguration.Parse(bridge.Ipam!.Value.Span);

        Assert.Equal("cni0", bridge.Bridge);
        Assert.Equal("host-local", ipam.Type);
        Assert.Equal("10.1.0.0/16", ipam.Subnet?.ToString());
        Assert.Equal("10.1.0.1", ipam.Gateway?.ToString());
        Assert.Equal("0.0.0.0/0", Assert.Single(ipam.Routes!).Dst.ToString());
        Assert.Equal("keyA", Assert.Single(bridge.AdditionalProperties!).Key);
        JsonEquivalence.AssertEquivalent(Encoding.UTF8.GetString(pluginJson), bridge.ToUtf8Bytes());
    }

    [Fact]
    public void Result_example_decodes_and_round_trips()
    {
        SuccessResult result = SuccessResult.Parse(Utf8(SpecExamples.BridgeResult));

        Assert.Equal(["cni0", "veth3243", "eth0"], result.Interfaces!.Select(i => i.Name));
        Assert.Equal("/var/run/netns/blue", result.Interfaces![2].Sandbox);
        IpConfiguration ip = Assert.Single(result.Ips!);
        Assert.Equal("10.1.0.5/16", ip.Address.ToString());
        Assert.Equal("10.1.0.1", ip.Gateway?.ToString());
        Assert.Equal(2u, ip.Interface);
        Assert.Null(ip.Version);
        Assert.Equal("0.0.0.0/0", Assert.Single(result.Routes!).Dst.ToString());
        Assert.Equal(["10.1.0.1"], result.Dns!.Nameservers);

        JsonEquivalence.AssertEquivalent(SpecExamples.BridgeResult, result.ToUtf8Bytes());
    }

    [Fact]
    public void Chained_request_keeps_prev_result_byte_for_byte()
    {
        byte[] input = Utf8(SpecExamples.PortmapAddRequest);
        PluginConfiguration request = PluginConfiguration.Parse(input);

        PortMapping mapping = Assert.Single(request.RuntimeConfig!.PortMappings!);
        Assert.Equal((8080u, 80u, "tcp"), (mapping.HostPort, mapping.ContainerPort, mapping.Protocol));

        string inputText = SpecExamples.PortmapAddRequest;
        int start = inputText.IndexOf("\"prevResult\": ", StringComparison.Ordinal) + "\"prevResult\": ".Length;
        int end = inputText.LastIndexOf('}', inputText.LastIndexOf('}') - 1);
        string expectedPrevResult = inputText.Substring(start, end - start + 1);
        Assert.StartsWith("{\n    \"ips\"", expectedPrevResult, StringComparison.Ordinal);
        Assert.Equal(expectedPrevResult, Encoding.UTF8.GetString(request.PrevResult!.Value.Span));

        SuccessResult prev = SuccessResult.Parse(request.PrevResult.Value.Span);
        Assert.Equal("00:11:22:33:44:66", prev.Interfaces![2].Mac?.ToString());
        JsonEquivalence.AssertEquivalent(inputText, request.ToUtf8Bytes());
    }

    [Fact]
    public void Error_example_decodes_and_round_trips()
    {
        ErrorResult error = ErrorResult.Parse(Utf8(SpecExamples.Error));

        Assert.Equal(7u, error.Code);
        Assert.Equal("Invalid Configuration", error.Message);
        Assert.Equal("Network 192.168.0.0/31 too small to allocate from.", error.Details);
        JsonEquivalence.AssertEquivalent(SpecExamples.Error, error.ToUtf8Bytes());
    }

    [Fact]
    public void Version_reply_decodes_and_round_trips()
    {
        VersionResult version = VersionResult.Parse(Utf8(SpecExamples.Version));

        Assert.Equal("1.1.0", version.CniVersion);
        Assert.Equal(7, version.SupportedVersions.Count);
        JsonEquivalence.AssertEquivalent(SpecExamples.Version, version.ToUtf8Bytes());
    }

    [Fact]
    public void Version_reply_built_in_code_has_the_spec_shape()
    {
        var version = new VersionResult { CniVersion = "1.1.0", SupportedVersions = ["1.0.0", "1.1.0"] };

        Assert.Equal("""{"cniVersion":"1.1.0","supportedVersions":["1.0.0","1.1.0"]}""", Encoding.UTF8.GetString(version.ToUtf8Bytes()));
    }

    [Fact]
    public void Legacy_result_ip_version_maps_to_the_enum()
    {
        SuccessResult result = SuccessResult.Parse("""{"cniVersion":"0.4.0","ips":[{"version":"6","address":"fd00::5/64"}]}"""u8);

        Assert.Equal(IpVersion.V6, result.Ips![0].Version);
        Assert.Equal("6", IpVersion.V6.ToJsonString());
        JsonEquivalence.AssertEquivalent("""{"cniVersion":"0.4.0","ips":[{"address":"fd00::5/64","version":"6"}]}""", result.ToUtf8Bytes());
    }

    [Fact]
    public void Gc_request_lists_valid_attachments()
    {
        PluginConfiguration gc = PluginConfiguration.Parse("""
            {"cniVersion":"1.1.0","name":"dbnet","type":"podnet",
             "cni.dev/valid-attachments":[{"containerID":"abc","ifname":"eth0"},{"containerID":"def","ifname":"net1"}]}
            """u8);

        Assert.Equal([("abc", "eth0"), ("def", "net1")], gc.ValidAttachments!.Select(a => (a.ContainerId, a.InterfaceName)));
        Assert.Contains("\"cni.dev/valid-attachments\":[{\"containerID\":\"abc\"", Encoding.UTF8.GetString(gc.ToUtf8Bytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_description_reads_dual_stack_nodes()
    {
        ClusterDescription cluster = ClusterDescription.Parse("""
            {"nodes":[{"name":"n1","nodeIPs":["192.0.2.1","2001:db8::1"],"podCIDRs":["10.244.1.0/24","fd00:1::/64"]}]}
            """u8);

        ClusterNode node = Assert.Single(cluster.Nodes);
        Assert.Equal(["192.0.2.1", "2001:db8::1"], node.NodeIps.Select(ip => ip.ToString()));
        Assert.Equal(["10.244.1.0/24", "fd00:1::/64"], node.PodCidrs.Select(cidr => cidr.ToString()));
    }
}
