using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Netlink.Route;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>The reference <c>static</c> IPAM plugin through delegation: the pod gets exactly what is configured.</summary>
[Kernel]
public sealed class StaticIpamTests
{
    [Fact]
    public void Static_ipam_gives_exactly_the_configured_address_routes_and_dns()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        plugins.AddCopy("static", Path.Combine(PluginInvocation.DefaultCniPath, "static"));
        TestPod pod = node.CreatePod();
        var ipam = new JsonObject
        {
            ["type"] = "static",
            ["addresses"] = new JsonArray(new JsonObject { ["address"] = "10.68.0.42/24", ["gateway"] = "10.68.0.1" }),
            ["routes"] = new JsonArray(new JsonObject { ["dst"] = "198.51.100.0/24", ["gw"] = "10.68.0.1" }),
            ["dns"] = new JsonObject { ["nameservers"] = new JsonArray("10.68.0.53") },
        };
        JsonObject config = plugins.Config(ipam).With("isGateway", true);

        JsonObject result = node.Add(pod, config).Result;

        JsonObject ip = Assert.Single(result["ips"]!.AsArray())!.AsObject();
        Assert.Equal("10.68.0.42/24", ip["address"].Text());
        Assert.Equal("10.68.0.1", ip["gateway"].Text());
        Assert.Equal(2, ip["interface"]!.GetValue<int>());
        Assert.Equal(["10.68.0.53"], result["dns"]!["nameservers"]!.AsArray().Select(n => n.Text()));
        Assert.Equal(
            [InterfaceAddress.Parse("10.68.0.42/24")],
            NamespaceInspector.Addresses(pod.Path, pod.InterfaceName, RouteAddressFamily.Inet));
        Assert.Equal(
            [InterfaceAddress.Parse("10.68.0.1/24")],
            NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet));
        RouteMessage route = Assert.Single(
            NamespaceInspector.Routes(pod.Path, RouteAddressFamily.Inet),
            r => r.DestinationLength == 24 && IPAddress.Parse("198.51.100.0").Equals(r.Destination));
        Assert.Equal(IPAddress.Parse("10.68.0.1"), route.Gateway);

        node.Check(pod, config, result).EnsureSuccess();
        node.Del(pod, config).EnsureSuccess();

        Assert.Null(NamespaceInspector.Link(pod.Path, pod.InterfaceName));
        Assert.Empty(NamespaceInspector.Veths(node.Path));
    }
}
