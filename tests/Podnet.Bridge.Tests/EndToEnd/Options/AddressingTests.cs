using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Netlink.Route;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Options;

/// <summary>IPv6-only and dual-stack networks: addresses in the pods, gateways on the bridge, traffic over each family.</summary>
[Kernel]
public sealed class AddressingTests
{
    [Fact]
    public void Ipv6_network_gives_pods_addresses_that_reach_each_other()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config("1.0.0", "fd00:88::/64").With("isGateway", true);
        TestPod first = node.CreatePod();
        TestPod second = node.CreatePod();

        JsonObject firstResult = node.Add(first, config).Result;
        JsonObject secondResult = node.Add(second, config).Result;

        Assert.Equal("fd00:88::2/64", firstResult["ips"]![0]!["address"].Text());
        Assert.Equal("fd00:88::1", firstResult["ips"]![0]!["gateway"].Text());
        Assert.Contains(new InterfaceAddress(IPAddress.Parse("fd00:88::1"), 64), NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet6));
        IPAddress firstIp = NamespaceInspector.AddressOf(first.Path, first.InterfaceName, RouteAddressFamily.Inet6);
        IPAddress secondIp = NamespaceInspector.AddressOf(second.Path, second.InterfaceName, RouteAddressFamily.Inet6);
        Assert.Equal(PodConnectivityTests.ResultAddress(secondResult), secondIp);
        Assert.Equal(firstIp, UdpProbe.Exchange(first.Path, second.Path, secondIp));
    }

    [Fact]
    public void Dual_stack_network_gives_each_pod_one_address_per_family_and_both_carry_traffic()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config("1.0.0", "10.88.0.0/24", "fd00:88::/64").With("isDefaultGateway", true);
        TestPod first = node.CreatePod();
        TestPod second = node.CreatePod();

        JsonObject result = node.Add(first, config).Result;
        node.Add(second, config).EnsureSuccess();

        string[] addresses = [.. result["ips"]!.AsArray().Select(ip => ip!["address"].Text())];
        Assert.Equal(["10.88.0.2/24", "fd00:88::2/64"], addresses);
        Assert.All(result["ips"]!.AsArray(), ip => Assert.Equal(2, ip!["interface"]!.GetValue<int>()));
        Assert.NotNull(NamespaceInspector.DefaultRoute(first.Path, RouteAddressFamily.Inet));
        Assert.NotNull(NamespaceInspector.DefaultRoute(first.Path, RouteAddressFamily.Inet6));
        foreach (RouteAddressFamily family in new[] { RouteAddressFamily.Inet, RouteAddressFamily.Inet6 })
        {
            IPAddress from = NamespaceInspector.AddressOf(first.Path, first.InterfaceName, family);
            IPAddress to = NamespaceInspector.AddressOf(second.Path, second.InterfaceName, family);
            Assert.Equal(from, UdpProbe.Exchange(first.Path, second.Path, to));
        }
    }
}
