using System.Text.Json.Nodes;
using Podnet.Cni;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>Options that configure the host veth as a bridge port: hairpinMode, portIsolation and the VLAN settings.</summary>
public sealed class PortOptionTests
{
    [Theory]
    [InlineData("hairpinMode", "hairpin")]
    [InlineData("portIsolation", "isolated")]
    public void Port_flag_is_on_only_when_configured(string option, string portAttribute)
    {
        using E2eNode node = E2eNode.Create();

        string plain = HostVeth(node.Add(node.CreatePod(), node.Config()).Result);
        string configured = HostVeth(node.Add(node.CreatePod(), node.Config().With(option, true)).Result);

        Assert.False(PortData(node, plain)[portAttribute]!.GetValue<bool>());
        Assert.True(PortData(node, configured)[portAttribute]!.GetValue<bool>());
    }

    [Fact]
    public void Vlan_turns_on_vlan_filtering_and_makes_the_port_an_untagged_pvid_member()
    {
        RequireVlanFiltering();
        using E2eNode node = E2eNode.Create();

        string veth = HostVeth(node.Add(node.CreatePod(), node.Config().With("vlan", 100)).Result);

        Assert.Equal(1, Iproute2.IpLink(node.Name, node.BridgeName)["linkinfo"]!["info_data"]!["vlan_filtering"]!.GetValue<int>());
        JsonObject vlan100 = Vlans(node, veth).Single(v => v["vlan"]!.GetValue<int>() == 100);
        string[] flags = [.. vlan100["flags"]!.AsArray().Select(f => f.Text())];
        Assert.Contains("PVID", flags);
        Assert.Contains("Egress Untagged", flags);
    }

    [Fact]
    public void VlanTrunk_adds_tagged_memberships_and_keeps_the_default_vlan()
    {
        RequireVlanFiltering();
        using E2eNode node = E2eNode.Create();
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
        using E2eNode node = E2eNode.Create();

        string veth = HostVeth(node.Add(node.CreatePod(), node.Config().With("vlan", 100).With("preserveDefaultVlan", false)).Result);

        List<JsonObject> vlans = Vlans(node, veth);
        Assert.DoesNotContain(vlans, v => v["vlan"]!.GetValue<int>() == 1);
        Assert.Contains(vlans, v => v["vlan"]!.GetValue<int>() == 100);
    }

    [Fact]
    public void Vlan_on_a_kernel_without_bridge_vlan_filtering_fails_and_leaves_nothing()
    {
        if (KernelFeatures.BridgeVlanFiltering)
        {
            Assert.Skip("this kernel filters VLANs; the VLAN tests above cover it");
        }

        using E2eNode node = E2eNode.Create();
        node.Add(node.CreatePod(), node.Config()).EnsureSuccess();
        E2ePod pod = node.CreatePod();

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

    private static JsonObject PortData(E2eNode node, string veth)
    {
        JsonObject link = Iproute2.IpLink(node.Name, veth);
        Assert.Equal("bridge", link["linkinfo"]!["info_slave_kind"].Text());
        return link["linkinfo"]!["info_slave_data"]!.AsObject();
    }

    private static List<JsonObject> Vlans(E2eNode node, string veth)
    {
        JsonArray ports = Iproute2.Bridge(node.Name, "vlan", "show", "dev", veth).AsArray();
        return [.. ports.Single(p => p!["ifname"].Text() == veth)!["vlans"]!.AsArray().Select(v => v!.AsObject())];
    }
}
