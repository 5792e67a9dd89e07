using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni;
using Podnet.Netlink.Route;
using Podnet.Netlink.Testing;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Options;

/// <summary>Options that configure the host veth as a bridge port: hairpinMode, portIsolation and the VLAN settings.</summary>
[Kernel]
public sealed class PortOptionTests
{
    [Theory]
    [InlineData("hairpinMode", "hairpin")]
    [InlineData("portIsolation", "isolated")]
    public void Port_flag_is_on_only_when_configured(string option, string portAttribute)
    {
        using TestNode node = TestNode.Create();

        string plain = HostVeth(node.Add(node.CreatePod(), node.Config()).Result);
        string configured = HostVeth(node.Add(node.CreatePod(), node.Config().With(option, true)).Result);

        Assert.False(PortData(node, plain)[portAttribute]!.GetValue<bool>());
        Assert.True(PortData(node, configured)[portAttribute]!.GetValue<bool>());
    }

    [Fact]
    public void Vlan_turns_on_vlan_filtering_and_makes_the_port_an_untagged_pvid_member()
    {
        RequireVlanFiltering();
        using TestNode node = TestNode.Create();

        string veth = HostVeth(node.Add(node.CreatePod(), node.Config().With("vlan", 100)).Result);

        Assert.Equal(1, IprouteJson.Link(node.Namespace, node.BridgeName).GetProperty("linkinfo").GetProperty("info_data").GetProperty("vlan_filtering").GetInt32());
        JsonObject vlan100 = Vlans(node, veth).Single(v => v["vlan"]!.GetValue<int>() == 100);
        string[] flags = [.. vlan100["flags"]!.AsArray().Select(f => f.Text())];
        Assert.Contains("PVID", flags);
        Assert.Contains("Egress Untagged", flags);
    }

    [Fact]
    public void VlanTrunk_adds_tagged_memberships_and_keeps_the_default_vlan()
    {
        RequireVlanFiltering();
        using TestNode node = TestNode.Create();
        var trunk = new JsonArray(new JsonObject { ["id"] = 200 }, new JsonObject { ["minID"] = 300, ["maxID"] = 302 });

        string veth = HostVeth(node.Add(node.CreatePod(), node.Config().With("vlanTrunk", trunk)).Result);

        List<JsonObject> vlans = Vlans(node, veth);
        foreach (int vid in new[] { 200, 300, 301, 302 })
        {
            JsonObject entry = vlans.Single(v => v["vlan"]!.GetValue<int>() == vid);
            Assert.True(entry["flags"] is null || entry["flags"]!.AsArray().Count == 0, $"vid {vid} is not plain tagged: {entry.ToJsonString()}");
        }

        Assert.Contains(vlans, v => v["vlan"]!.GetValue<int>() == 1);
    }

    [Fact]
    public void PreserveDefaultVlan_false_removes_vlan_1_from_the_port()
    {
        RequireVlanFiltering();
        using TestNode node = TestNode.Create();

        string veth = HostVeth(node.Add(node.CreatePod(), node.Config().With("vlan", 100).With("preserveDefaultVlan", false)).Result);

        List<JsonObject> vlans = Vlans(node, veth);
        Assert.DoesNotContain(vlans, v => v["vlan"]!.GetValue<int>() == 1);
        Assert.Contains(vlans, v => v["vlan"]!.GetValue<int>() == 100);
    }

    [Fact]
    public void Vlan_with_isGateway_puts_the_gateway_on_a_vlan_interface_the_pods_reach()
    {
        RequireVlanFiltering();
        using TestNode node = TestNode.Create();
        TestPod first = node.CreatePod();
        TestPod second = node.CreatePod();
        JsonObject config = node.Config().With("vlan", 7).With("isGateway", true);
        string gatewayName = node.BridgeName + ".7";
        var gateway = new InterfaceAddress(IPAddress.Parse("10.88.0.1"), 24);

        JsonObject firstResult = node.Add(first, config).Result;
        JsonObject secondResult = node.Add(second, config).Result;

        // The bridge device is an untagged member of VLAN 1 only: the address must not be there but on <bridge>.7,
        // listed after the container interface, as the reference plugin does, and shared by both ADDs.
        Assert.Equal(gatewayName, firstResult["interfaces"]![3]!["name"].Text());
        Assert.Equal(gatewayName, secondResult["interfaces"]![3]!["name"].Text());
        Assert.Contains(gateway, NamespaceInspector.Addresses(node.Path, gatewayName, RouteAddressFamily.Inet));
        Assert.DoesNotContain(gateway, NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        Assert.Single(NamespaceInspector.LinkNames(node.Path), name => name == gatewayName);

        // Both pods reach their gateway inside VLAN 7: each datagram arrives in the node's namespace.
        Assert.Equal(PodConnectivityTests.ResultAddress(firstResult), UdpProbe.Exchange(first.Path, node.Path, gateway.Address));
        Assert.Equal(PodConnectivityTests.ResultAddress(secondResult), UdpProbe.Exchange(second.Path, node.Path, gateway.Address));
    }

    [Fact]
    public void Vlan_with_isGateway_refuses_a_bridge_name_too_long_for_the_gateway_interface()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();

        // The harness's bridge names have 12 characters: "<bridge>.100" would have 16, one more than the kernel allows.
        node.Add(pod, node.Config().With("vlan", 100).With("isGateway", true)).AssertError(CniErrorCode.InvalidNetworkConfig);

        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
        Assert.Null(NamespaceInspector.Link(node.Path, node.BridgeName));
    }

    [Fact]
    public void Vlan_on_a_kernel_without_bridge_vlan_filtering_fails_and_leaves_nothing()
    {
        if (KernelFeatures.BridgeVlanFiltering)
        {
            Assert.Skip("this kernel filters VLANs; the VLAN tests above cover it");
        }

        using TestNode node = TestNode.Create();
        node.Add(node.CreatePod(), node.Config()).EnsureSuccess();
        TestPod pod = node.CreatePod();

        node.Add(pod, node.Config().With("vlan", 100)).AssertError(CniErrorCode.KernelError);

        Assert.Single(NamespaceInspector.Veths(node.Path));
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
        Assert.Single(IpamStoreSnapshot.FileNames(node.StoreDirectory), name => System.Net.IPAddress.TryParse(name, out _));
    }

    private static void RequireVlanFiltering()
    {
        if (!KernelFeatures.BridgeVlanFiltering)
        {
            Assert.Skip("the kernel lacks CONFIG_BRIDGE_VLAN_FILTERING (bridge vlan_filtering is EOPNOTSUPP)");
        }
    }

    private static string HostVeth(JsonObject result) => result["interfaces"]![1]!["name"].Text();

    private static JsonObject PortData(TestNode node, string veth)
    {
        JsonObject link = JsonNode.Parse(IprouteJson.Link(node.Namespace, veth).GetRawText())!.AsObject();
        Assert.Equal("bridge", link["linkinfo"]!["info_slave_kind"].Text());
        return link["linkinfo"]!["info_slave_data"]!.AsObject();
    }

    private static List<JsonObject> Vlans(TestNode node, string veth)
    {
        JsonArray ports = JsonNode.Parse(IprouteJson.Bridge(node.Namespace, "vlan", "show", "dev", veth).GetRawText())!.AsArray();
        return [.. ports.Single(p => p!["ifname"].Text() == veth)!["vlans"]!.AsArray().Select(v => v!.AsObject())];
    }
}
