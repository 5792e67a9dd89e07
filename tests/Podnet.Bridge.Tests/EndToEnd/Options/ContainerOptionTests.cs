using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink.Route;
using Podnet.Netlink.Testing;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Options;

/// <summary>Options that shape the container end: enabledad, disableContainerInterface, MAC, requested IPs, dns.</summary>
[Kernel]
public sealed class ContainerOptionTests
{
    private const string ArgsMac = "0a:58:0a:00:00:01";
    private const string ConfigArgsMac = "0a:58:0a:00:00:02";
    private const string RuntimeConfigMac = "0a:58:0a:00:00:03";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EnableDad_decides_whether_the_ipv6_address_skips_duplicate_address_detection(bool enableDad)
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config("1.0.0", "fd00:88::/64");
        if (enableDad)
        {
            config = config.With("enabledad", true);
        }

        node.Add(pod, config).EnsureSuccess();

        JsonElement address = IprouteJson.Ip(pod.Namespace, "-d", "address", "show", "dev", pod.InterfaceName)[0].GetProperty("addr_info").EnumerateArray()
            .Single(a => a.GetProperty("local").GetString() == "fd00:88::2");
        Assert.Equal(!enableDad, address.TryGetProperty("nodad", out JsonElement nodad) && nodad.GetBoolean());
        Assert.Equal(enableDad ? "1" : "0", NamespaceInspector.ReadSysctl(pod.Path, $"net/ipv6/conf/{pod.InterfaceName}/accept_dad"));
    }

    [Fact]
    public void DisableContainerInterface_leaves_the_container_link_down_but_addressed()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();

        JsonObject result = node.Add(pod, node.Config().With("disableContainerInterface", true)).Result;

        LinkMessage container = NamespaceInspector.Link(pod.Path, pod.InterfaceName)!;
        Assert.False(container.IsUp, "the container link is up");
        Assert.DoesNotContain("UP", IprouteJson.Link(pod.Namespace, pod.InterfaceName).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(PodConnectivityTests.ResultAddress(result), NamespaceInspector.AddressOf(pod.Path, pod.InterfaceName));
        Assert.True(NamespaceInspector.Link(node.Path, result["interfaces"]![1]!["name"].Text())!.IsUp, "the host veth is down");
    }

    [Theory]
    [InlineData("CNI_ARGS", ArgsMac)]
    [InlineData("args.cni.mac", ConfigArgsMac)]
    [InlineData("runtimeConfig.mac", RuntimeConfigMac)]
    [InlineData("all three", RuntimeConfigMac)]
    [InlineData("args.cni.mac and CNI_ARGS", ConfigArgsMac)]
    public void Requested_mac_is_set_on_the_container_link_with_runtimeConfig_over_args_over_CNI_ARGS(string sources, string expected)
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config();
        string? cniArgs = null;
        if (sources is "CNI_ARGS" or "all three" or "args.cni.mac and CNI_ARGS")
        {
            cniArgs = "MAC=" + ArgsMac;
        }

        if (sources is "args.cni.mac" or "all three" or "args.cni.mac and CNI_ARGS")
        {
            config = config.With("args", new JsonObject { ["cni"] = new JsonObject { ["mac"] = ConfigArgsMac } });
        }

        if (sources is "runtimeConfig.mac" or "all three")
        {
            config = config.With("runtimeConfig", new JsonObject { ["mac"] = RuntimeConfigMac });
        }

        JsonObject result = node.Add(pod, config, cniArgs).Result;

        Assert.Equal(expected, NamespaceInspector.Link(pod.Path, pod.InterfaceName)!.Address?.ToString(), ignoreCase: true);
        Assert.Equal(expected, IprouteJson.Link(pod.Namespace, pod.InterfaceName).GetProperty("address").GetString());
        Assert.Equal(expected, result["interfaces"]![2]!["mac"].Text(), ignoreCase: true);
    }

    [Theory]
    [InlineData("CNI_ARGS", "10.88.0.77")]
    [InlineData("args.cni.ips", "10.88.0.78")]
    [InlineData("runtimeConfig.ips", "10.88.0.79")]
    [InlineData("all three", "10.88.0.79")]
    [InlineData("args.cni.ips and CNI_ARGS", "10.88.0.78")]
    public void Requested_ip_is_assigned_with_runtimeConfig_over_args_over_CNI_ARGS(string sources, string expected)
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config();
        string? cniArgs = null;
        if (sources is "CNI_ARGS" or "all three" or "args.cni.ips and CNI_ARGS")
        {
            cniArgs = "IgnoreUnknown=1;IP=10.88.0.77";
        }

        if (sources is "args.cni.ips" or "all three" or "args.cni.ips and CNI_ARGS")
        {
            config = config.With("args", new JsonObject { ["cni"] = new JsonObject { ["ips"] = new JsonArray("10.88.0.78") } });
        }

        if (sources is "runtimeConfig.ips" or "all three")
        {
            config = config.With("runtimeConfig", new JsonObject { ["ips"] = new JsonArray("10.88.0.79/24") });
        }

        JsonObject result = node.Add(pod, config, cniArgs).Result;

        Assert.Equal(IPAddress.Parse(expected), PodConnectivityTests.ResultAddress(result));
        Assert.Equal(IPAddress.Parse(expected), NamespaceInspector.AddressOf(pod.Path, pod.InterfaceName));
        Assert.Contains(expected, IpamStoreSnapshot.FileNames(node.StoreDirectory));
    }

    [Fact]
    public void Dns_from_the_config_is_copied_to_the_result()
    {
        using TestNode node = TestNode.Create();
        var dns = new JsonObject
        {
            ["nameservers"] = new JsonArray("10.96.0.10", "fd00::10"),
            ["domain"] = "cluster.local",
            ["search"] = new JsonArray("default.svc.cluster.local", "svc.cluster.local"),
            ["options"] = new JsonArray("ndots:5"),
        };

        JsonObject result = node.Add(node.CreatePod(), node.Config().With("dns", dns)).Result;

        Assert.Equal(JsonShape.Canonical(dns), JsonShape.Canonical(result["dns"]));
    }
}
