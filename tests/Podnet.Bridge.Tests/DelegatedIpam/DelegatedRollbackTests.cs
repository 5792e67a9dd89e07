using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Cni;
using Podnet.Netlink.Route;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>
/// When a step after the delegated IPAM ADD fails, podnet must undo its own changes and run DEL on the delegate,
/// so the delegate's reservation does not leak.
/// </summary>
[Kernel]
public sealed class DelegatedRollbackTests
{
    [Fact]
    public void A_bridge_holding_another_address_of_the_subnet_fails_the_add_and_the_delegate_gets_del()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        using (Rtnetlink rt = Rtnetlink.OpenIn(node.Path))
        {
            rt.Links.CreateBridge(node.BridgeName);
            LinkMessage bridge = rt.Links.Get(node.BridgeName);
            rt.Addresses.Add(bridge.Index, InterfaceAddress.Parse("10.67.0.99/24"));
        }

        JsonObject config = plugins.Config(plugins.HostLocalIpam("10.67.0.0/24")).With("isGateway", true);

        PluginOutcome add = node.Add(pod, config).AssertError(CniErrorCode.InvalidNetworkConfig);

        Assert.Contains("10.67.0.99/24", add.ErrorMessage, StringComparison.Ordinal);
        AssertRolledBack(plugins, pod);
        Assert.Equal(
            ["10.67.0.99"],
            NamespaceInspector.Addresses(node.Path, node.BridgeName, RouteAddressFamily.Inet).Select(a => a.Address.ToString()));
    }

    [Fact]
    public void A_route_the_kernel_rejects_fails_the_add_and_the_delegate_gets_del()
    {
        using TestNode node = TestNode.Create();
        DelegatePluginDirectory plugins = DelegatePluginDirectory.Install(node);
        TestPod pod = node.CreatePod();
        JsonObject ipam = plugins.HostLocalIpam("10.67.1.0/24");
        ipam["routes"] = new JsonArray(new JsonObject { ["dst"] = "198.51.100.0/24", ["gw"] = "203.0.113.1" });
        JsonObject config = plugins.Config(ipam);

        node.Add(pod, config).AssertError(CniErrorCode.KernelError);

        AssertRolledBack(plugins, pod);
    }

    private static void AssertRolledBack(DelegatePluginDirectory plugins, TestPod pod)
    {
        TestNode node = plugins.Node;
        Assert.Equal(["ADD", "DEL"], plugins.RecordedCommands(DelegatePluginDirectory.Recorder));
        Assert.Empty(plugins.DelegateReservations());
        Assert.Empty(NamespaceInspector.Veths(node.Path));
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
    }
}
