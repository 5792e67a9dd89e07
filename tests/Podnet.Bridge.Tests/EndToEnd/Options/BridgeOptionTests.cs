using System.Net;
using System.Text.Json.Nodes;
using Podnet.Cni;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>Options that shape the node's bridge: bridge, isGateway, isDefaultGateway, forceAddress, mtu, promiscMode.</summary>
[Kernel]
public sealed class BridgeOptionTests
{
    [Fact]
    public void Bridge_option_names_the_bridge_the_host_veth_is_a_port_of()
    {
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();

        JsonObject result = node.Add(pod, node.Config()).Result;

        JsonObject bridge = Iproute2.IpLink(node.Name, node.BridgeName);
        Assert.Equal("bridge", bridge["linkinfo"]!["info_kind"].Text());
        string hostVeth = result["interfaces"]![1]!["name"].Text();
        Assert.Equal(node.BridgeName, Iproute2.IpLink(node.Name, hostVeth)["master"].Text());
        Assert.Equal(node.BridgeName, result["interfaces"]![0]!["name"].Text());
    }

    [Fact]
    public void IsGateway_gives_the_bridge_the_gateway_address_and_enables_forwarding()
    {
        using E2eNode node = E2eNode.Create();
        Assert.Equal("0", NamespaceInspector.ReadSysctl(node.Path, "net/ipv4/ip_forward"));

        JsonObject result = node.Add(node.CreatePod(), node.Config().With("isGateway", true)).Result;

        Assert.Contains(new InterfaceAddress(IPAddress.Parse("10.88.0.1"), 24), NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        Assert.Equal("1", NamespaceInspector.ReadSysctl(node.Path, "net/ipv4/ip_forward"));
        Assert.Equal("10.88.0.1", result["ips"]![0]!["gateway"].Text());
    }

    [Fact]
    public void Without_isGateway_the_bridge_has_no_address_and_the_pod_no_default_route()
    {
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();

        node.Add(pod, node.Config()).EnsureSuccess();

        Assert.Empty(NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        Assert.Null(NamespaceInspector.DefaultRoute(pod.Path, RouteAddressFamily.Inet));
        Assert.Equal("0", NamespaceInspector.ReadSysctl(node.Path, "net/ipv4/ip_forward"));
    }

    [Fact]
    public void IsDefaultGateway_routes_the_pod_default_route_via_the_gateway_on_the_bridge()
    {
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();

        JsonObject result = node.Add(pod, node.Config().With("isDefaultGateway", true)).Result;

        RouteMessage route = NamespaceInspector.DefaultRoute(pod.Path, RouteAddressFamily.Inet)
            ?? throw new Xunit.Sdk.XunitException("no default route in the pod");
        Assert.Equal(IPAddress.Parse("10.88.0.1"), route.Gateway);
        Assert.Equal(NamespaceInspector.Link(pod.Path, pod.InterfaceName)!.Header.Index, route.OutputInterface);
        Assert.Contains(new InterfaceAddress(IPAddress.Parse("10.88.0.1"), 24), NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        JsonNode defaultRoute = Assert.Single(result["routes"]!.AsArray(), r => r!["dst"].Text() == "0.0.0.0/0")!;
        Assert.Equal("10.88.0.1", defaultRoute["gw"].Text());
        Assert.Equal(NamespaceInspector.AddressOf(pod.Path, pod.InterfaceName), UdpProbe.Exchange(pod.Path, node.Path, IPAddress.Parse("10.88.0.1")));
    }

    [Fact]
    public void A_different_bridge_address_fails_without_forceAddress_and_is_replaced_with_it()
    {
        using E2eNode node = E2eNode.Create();
        Iproute2.IpChange(node.Name, "link", "add", node.BridgeName, "type", "bridge");
        Iproute2.IpChange(node.Name, "address", "add", "10.88.0.50/24", "dev", node.BridgeName);
        JsonObject config = node.Config().With("isGateway", true);
        E2ePod pod = node.CreatePod();

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
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();

        JsonObject result = node.Add(pod, node.Config().With("mtu", 1400)).Result;

        Assert.Equal(1400u, NamespaceInspector.Link(pod.Path, pod.InterfaceName)!.Mtu);
        Assert.Equal(1400u, NamespaceInspector.Link(node.Path, result["interfaces"]![1]!["name"].Text())!.Mtu);
        Assert.Equal(1400u, NamespaceInspector.Link(node.Path, node.BridgeName)!.Mtu);
        Assert.Equal(1400, Iproute2.IpLink(pod.Name, pod.InterfaceName)["mtu"]!.GetValue<int>());
    }

    [Fact]
    public void PromiscMode_puts_the_bridge_in_promiscuous_mode()
    {
        using E2eNode node = E2eNode.Create();
        node.Add(node.CreatePod(), node.Config()).EnsureSuccess();
        Assert.DoesNotContain("PROMISC", Iproute2.IpLink(node.Name, node.BridgeName)["flags"]!.AsArray().Select(f => f.Text()));

        node.Add(node.CreatePod(), node.Config().With("promiscMode", true)).EnsureSuccess();

        Assert.Contains("PROMISC", Iproute2.IpLink(node.Name, node.BridgeName)["flags"]!.AsArray().Select(f => f.Text()));
        Assert.True((NamespaceInspector.Link(node.Path, node.BridgeName)!.Header.Flags & InterfaceFlags.Promiscuous) != 0);
    }
}
