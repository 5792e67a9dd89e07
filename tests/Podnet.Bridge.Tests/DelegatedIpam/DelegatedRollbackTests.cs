using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;
using Podnet.Cni;
using Podnet.Netlink.Route;

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
        using DelegatingNode node = DelegatingNode.Create();
        E2ePod pod = node.Node.CreatePod();
        using (Rtnetlink rt = Rtnetlink.OpenIn(node.Node.Path))
        {
            rt.Links.CreateBridge(node.Node.BridgeName);
            LinkMessage bridge = rt.Links.Get(node.Node.BridgeName);
            rt.Addresses.Add(bridge.Header.Index, InterfaceAddress.Parse("10.67.0.99/24"));
        }

        JsonObject config = node.Config(node.HostLocalIpam("10.67.0.0/24")).With("isGateway", true);

        PluginOutcome add = node.Add(pod, config).AssertError(CniErrorCode.InvalidNetworkConfig);

        Assert.Contains("10.67.0.99/24", add.ErrorMessage, StringComparison.Ordinal);
        AssertRolledBack(node, pod);
        Assert.Equal(
            ["10.67.0.99"],
            NamespaceInspector.Addresses(node.Node.Path, node.Node.BridgeName, RouteAddressFamily.Inet).Select(a => a.Address.ToString()));
    }

    [Fact]
    public void A_route_the_kernel_rejects_fails_the_add_and_the_delegate_gets_del()
    {
        using DelegatingNode node = DelegatingNode.Create();
        E2ePod pod = node.Node.CreatePod();
        JsonObject ipam = node.HostLocalIpam("10.67.1.0/24");
        ipam["routes"] = new JsonArray(new JsonObject { ["dst"] = "198.51.100.0/24", ["gw"] = "203.0.113.1" });
        JsonObject config = node.Config(ipam);

        node.Add(pod, config).AssertError(CniErrorCode.KernelError);

        AssertRolledBack(node, pod);
    }

    private static void AssertRolledBack(DelegatingNode node, E2ePod pod)
    {
        Assert.Equal(["ADD", "DEL"], node.Plugins.RecordedCommands(DelegatingNode.Recorder));
        Assert.Empty(node.DelegateReservations());
        Assert.Empty(NamespaceInspector.Veths(node.Node.Path));
        Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
    }
}
