using System.Text.Json;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary><see cref="BridgeVlanTable"/> against the kernel, checked with <c>bridge -j vlan show</c>.</summary>
[Kernel]
public sealed class BridgeVlanKernelTests
{
    [Fact]
    public void Add_and_Delete_a_port_vlan_or_fail_exactly_as_bridge_vlan_does_on_kernels_without_vlan_filtering()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));
        int port = rt.Links.Get("pnv0").Index;
        rt.Links.SetMaster(port, rt.Links.Get("pnbr0").Index);

        NetlinkException? unsupported = null;
        try
        {
            rt.BridgeVlans.Add(port, 100, BridgeVlanFlags.Pvid | BridgeVlanFlags.Untagged);
        }
        catch (NetlinkException e) when (e.ErrnoName == "EOPNOTSUPP")
        {
            unsupported = e;
        }

        if (unsupported is not null)
        {
            // A kernel built without CONFIG_BRIDGE_VLAN_FILTERING: iproute2 must be refused the same way, or we sent
            // something wrong. (The request bytes themselves are pinned by RequestGoldenTests.)
            (int exitCode, _, string error) = IpCommand.Execute("bridge", "-n", ns.Name, "vlan", "add", "dev", "pnv0", "vid", "100", "pvid", "untagged");
            Assert.NotEqual(0, exitCode);
            Assert.Contains("Operation not supported", error, StringComparison.Ordinal);
            return;
        }

        JsonElement port100 = Vlans(ns, "pnv0").Single(v => v.GetProperty("vlan").GetInt32() == 100);
        List<string?> flags = [.. port100.GetProperty("flags").EnumerateArray().Select(f => f.GetString())];
        rt.BridgeVlans.Delete(port, 100);

        Assert.Contains("PVID", flags);
        Assert.Contains("Egress Untagged", flags);
        Assert.DoesNotContain(Vlans(ns, "pnv0"), v => v.GetProperty("vlan").GetInt32() == 100);
    }

    private static IEnumerable<JsonElement> Vlans(TestNamespace ns, string port) =>
        IprouteJson.Bridge(ns, "vlan", "show").EnumerateArray()
            .Where(p => p.GetProperty("ifname").GetString() == port)
            .SelectMany(p => p.GetProperty("vlans").EnumerateArray());
}
