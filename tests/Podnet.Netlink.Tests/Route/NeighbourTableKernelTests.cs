using System.Net;
using System.Text.Json;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary><see cref="NeighbourTable"/> against the kernel.</summary>
[Kernel]
public sealed class NeighbourTableKernelTests
{
    [Fact]
    public void AddPermanent_List_and_Delete_an_IPv4_and_an_IPv6_entry()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));
        int index = rt.Links.Get("pnv0").Index;
        rt.Links.SetUp(index);
        MacAddress mac = MacAddress.Parse("02:50:4e:00:00:09");

        rt.Neighbours.AddPermanent(index, IPAddress.Parse("10.244.1.9"), mac);
        rt.Neighbours.AddPermanent(index, IPAddress.Parse("fd00:244::9"), mac);

        JsonElement v4 = IprouteJson.Ip(ns, "-4", "neigh", "show", "dev", "pnv0").EnumerateArray().Single();
        Assert.Equal("10.244.1.9", v4.GetProperty("dst").GetString());
        Assert.Equal("02:50:4e:00:00:09", v4.GetProperty("lladdr").GetString());
        Assert.Contains("PERMANENT", v4.GetProperty("state").EnumerateArray().Select(s => s.GetString()));
        List<NeighbourMessage> ours = rt.Neighbours.List(RouteAddressFamily.Unspecified, index);
        NeighbourMessage entry = Assert.Single(ours, n => Equals(n.Destination, IPAddress.Parse("10.244.1.9")));
        Assert.Equal(mac, entry.LinkLayerAddress);
        Assert.Equal(NeighbourState.Permanent, entry.State);
        Assert.Equal(index, entry.InterfaceIndex);
        Assert.Contains(rt.Neighbours.List(RouteAddressFamily.Inet6, index), n => Equals(n.Destination, IPAddress.Parse("fd00:244::9")));

        rt.Neighbours.Delete(index, IPAddress.Parse("10.244.1.9"));
        rt.Neighbours.Delete(index, IPAddress.Parse("fd00:244::9"));

        Assert.Empty(IprouteJson.Ip(ns, "neigh", "show", "dev", "pnv0").EnumerateArray());
        NetlinkException missing = Assert.Throws<NetlinkException>(() => rt.Neighbours.Delete(index, IPAddress.Parse("10.244.1.9")));
        Assert.Equal("ENOENT", missing.ErrnoName);
    }
}
