using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni;
using Podnet.Netlink.Route;
using Podnet.Netlink.Testing;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Options;

/// <summary>Options that shape the node's bridge: bridge, isGateway, isDefaultGateway, forceAddress, mtu, promiscMode.</summary>
[Kernel]
public sealed class BridgeOptionTests
{
    [Fact]
    public void Bridge_option_names_the_bridge_the_host_veth_is_a_port_of()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();

        JsonObject result = node.Add(pod, node.Config()).Result;

        JsonElement bridge = IprouteJson.Link(node.Namespace, node.BridgeName);
        Assert.Equal("bridge", bridge.GetProperty("linkinfo").GetProperty("info_kind").GetString());
        string hostVeth = result["interfaces"]![1]!["name"].Text();
        Assert.Equal(node.BridgeName, IprouteJson.Link(node.Namespace, hostVeth).GetProperty("master").GetString());
        Assert.Equal(node.BridgeName, result["interfaces"]![0]!["name"].Text());
    }

    [Fact]
    public void IsGateway_gives_the_bridge_the_gateway_address_and_enables_forwarding()
    {
        using TestNode node = TestNode.Create();
        Assert.Equal("0", NamespaceInspector.ReadSysctl(node.Path, "net/ipv4/ip_forward"));

        JsonObject result = node.Add(node.CreatePod(), node.Config().With("isGateway", true)).Result;

        Assert.Contains(new InterfaceAddress(IPAddress.Parse("10.88.0.1"), 24), NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        Assert.Equal("1", NamespaceInspector.ReadSysctl(node.Path, "net/ipv4/ip_forward"));
        Assert.Equal("10.88.0.1", result["ips"]![0]!["gateway"].Text());
    }

    [Fact]
    public void Without_isGateway_the_bridge_has_no_address_and_the_pod_no_default_route()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();

        node.Add(pod, node.Config()).EnsureSuccess();

        Assert.Empty(NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        Assert.Null(NamespaceInspector.DefaultRoute(pod.Path, RouteAddressFamily.Inet));
        Assert.Equal("0", NamespaceInspector.ReadSysctl(node.Path, "net/ipv4/ip_forward"));
    }

    [Fact]
    public void IsDefaultGateway_routes_the_pod_default_route_via_the_gateway_on_the_bridge()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();

        JsonObject result = node.Add(pod, node.Config().With("isDefaultGateway", true)).Result;

        RouteMessage route = NamespaceInspector.DefaultRoute(pod.Path, RouteAddressFamily.Inet)
            ?? throw new Xunit.Sdk.XunitException("no default route in the pod");
        Assert.Equal(IPAddress.Parse("10.88.0.1"), route.Gateway);
        Assert.Equal(NamespaceInspector.Link(pod.Path, pod.InterfaceName)!.Index, route.OutputInterface);
        Assert.Contains(new InterfaceAddress(IPAddress.Parse("10.88.0.1"), 24), NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        JsonNode defaultRoute = Assert.Single(result["routes"]!.AsArray(), r => r!["dst"].Text() == "0.0.0.0/0")!;
        Assert.Equal("10.88.0.1", defaultRoute["gw"].Text());
        Assert.Equal(NamespaceInspector.AddressOf(pod.Path, pod.InterfaceName), UdpProbe.Exchange(pod.Path, node.Path, IPAddress.Parse("10.88.0.1")));
    }

    [Fact]
    public void A_different_bridge_address_fails_without_forceAddress_and_is_replaced_with_it()
    {
        using TestNode node = TestNode.Create();
        node.Namespace.Ip("link", "add", node.BridgeName, "type", "bridge");
        node.Namespace.Ip("address", "add", "10.88.0.50/24", "dev", node.BridgeName);
        JsonObject config = node.Config().With("isGateway", true);
        TestPod pod = node.CreatePod();

        node.Add(pod, config).AssertError(CniErrorCode.InvalidNetworkConfig);
        Assert.Empty(NamespaceInspector.Veths(node.Path));
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
        StoreAssert.HoldsNoAddress(node);
        Assert.Equal([new InterfaceAddress(IPAddress.Parse("10.88.0.50"), 24)], NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));

        node.Add(pod, config.With("forceAddress", true)).EnsureSuccess();
        Assert.Equal([new InterfaceAddress(IPAddress.Parse("10.88.0.1"), 24)], NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
    }

    [Fact]
    public void Mtu_is_set_on_the_new_bridge_and_both_veth_ends()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();

        JsonObject result = node.Add(pod, node.Config().With("mtu", 1400)).Result;

        Assert.Equal(1400u, NamespaceInspector.Link(pod.Path, pod.InterfaceName)!.Mtu);
        Assert.Equal(1400u, NamespaceInspector.Link(node.Path, result["interfaces"]![1]!["name"].Text())!.Mtu);
        Assert.Equal(1400u, NamespaceInspector.Link(node.Path, node.BridgeName)!.Mtu);
        Assert.Equal(1400, IprouteJson.Link(pod.Namespace, pod.InterfaceName).GetProperty("mtu").GetInt32());
    }

    [Fact]
    public void PromiscMode_puts_the_bridge_in_promiscuous_mode()
    {
        using TestNode node = TestNode.Create();
        node.Add(node.CreatePod(), node.Config()).EnsureSuccess();
        Assert.DoesNotContain("PROMISC", IprouteJson.Link(node.Namespace, node.BridgeName).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        node.Add(node.CreatePod(), node.Config().With("promiscMode", true)).EnsureSuccess();

        Assert.Contains("PROMISC", IprouteJson.Link(node.Namespace, node.BridgeName).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.True(NamespaceInspector.Link(node.Path, node.BridgeName)!.IsPromiscuous);
    }
}
