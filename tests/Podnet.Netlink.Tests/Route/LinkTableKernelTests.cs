using System.Text.Json;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary><see cref="LinkTable"/> against the kernel, inside fresh namespaces, checked with iproute2.</summary>
[Kernel]
public sealed class LinkTableKernelTests
{
    [Fact]
    public void Get_by_name_and_by_index_and_List_find_the_same_links_ip_shows()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");

        LinkMessage byName = rt.Links.Get("pnbr0");
        LinkMessage byIndex = rt.Links.Get(byName.Index);
        List<LinkMessage> all = rt.Links.List();

        JsonElement ip = IprouteJson.Link(ns, "pnbr0");
        Assert.Equal(ip.GetProperty("ifindex").GetInt32(), byName.Index);
        Assert.Equal("pnbr0", byIndex.Name);
        Assert.Equal(ip.GetProperty("address").GetString(), byIndex.Address.ToString());
        Assert.Equal(
            IprouteJson.Ip(ns, "link", "show").EnumerateArray().Select(l => l.GetProperty("ifname").GetString()).Order(),
            all.Select(l => l.Name).Order());
        Assert.Null(rt.Links.Find("pnnothere"));
        Assert.Equal("lo", rt.Links.Find(1)?.Name);
    }

    [Fact]
    public void CreateBridge_makes_a_link_of_kind_bridge()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);

        rt.Links.CreateBridge("pnbr0", new BridgeLinkData { StpState = 0 }, mtu: 1400);

        JsonElement ip = IprouteJson.Link(ns, "pnbr0");
        Assert.Equal("bridge", ip.GetProperty("linkinfo").GetProperty("info_kind").GetString());
        Assert.Equal(1400, ip.GetProperty("mtu").GetInt32());
        Assert.Equal("bridge", rt.Links.Get("pnbr0").LinkInfo?.Kind);
        Assert.IsType<BridgeLinkData>(rt.Links.Get("pnbr0").LinkInfo?.Data);
    }

    [Fact]
    public void SetUp_and_SetDown_change_the_administrative_state()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");
        int index = rt.Links.Get("pnbr0").Index;

        rt.Links.SetUp(index);
        bool upAfterSetUp = Flags(ns, "pnbr0").Contains("UP");
        rt.Links.SetDown(index);

        Assert.True(upAfterSetUp);
        Assert.DoesNotContain("UP", Flags(ns, "pnbr0"));
        Assert.False(rt.Links.Get(index).IsUp);
    }

    [Fact]
    public void SetMaster_SetMtu_SetAddress_and_SetPromiscuous_are_what_ip_reports()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));
        int bridge = rt.Links.Get("pnbr0").Index;
        int port = rt.Links.Get("pnv0").Index;
        MacAddress mac = MacAddress.Parse("02:50:4e:00:00:01");

        rt.Links.SetMaster(port, bridge);
        rt.Links.SetMtu(port, 1450);
        rt.Links.SetAddress(port, mac);
        rt.Links.SetPromiscuous(port, true);

        JsonElement ip = IprouteJson.Link(ns, "pnv0");
        Assert.Equal("pnbr0", ip.GetProperty("master").GetString());
        Assert.Equal(1450, ip.GetProperty("mtu").GetInt32());
        Assert.Equal("02:50:4e:00:00:01", ip.GetProperty("address").GetString());
        Assert.Contains("PROMISC", Flags(ns, "pnv0"));
        LinkMessage ours = rt.Links.Get(port);
        Assert.Equal(bridge, ours.Master);
        Assert.Equal(mac, ours.Address);

        rt.Links.SetPromiscuous(port, false);
        rt.Links.SetMaster(port, 0);
        JsonElement after = IprouteJson.Link(ns, "pnv0");
        Assert.DoesNotContain("PROMISC", Flags(ns, "pnv0"));
        Assert.False(after.TryGetProperty("master", out _));
    }

    [Fact]
    public void SetBridgePort_sets_and_clears_hairpin_and_isolated()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));
        int port = rt.Links.Get("pnv0").Index;
        rt.Links.SetMaster(port, rt.Links.Get("pnbr0").Index);

        rt.Links.SetBridgePort(port, hairpin: true, isolated: true);
        JsonElement on = PortData(ns, "pnv0");
        BridgePortData? parsed = rt.Links.Get(port).LinkInfo?.PortData as BridgePortData;
        rt.Links.SetBridgePort(port, hairpin: false, isolated: false);
        JsonElement off = PortData(ns, "pnv0");

        Assert.True(on.GetProperty("hairpin").GetBoolean());
        Assert.True(on.GetProperty("isolated").GetBoolean());
        Assert.Equal((byte)1, parsed?.Hairpin);
        Assert.Equal((byte)1, parsed?.Isolated);
        Assert.False(off.GetProperty("hairpin").GetBoolean());
        Assert.False(off.GetProperty("isolated").GetBoolean());
    }

    [Fact]
    public void Delete_removes_the_link_and_DeleteIfExists_reports_whether_it_was_there()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));

        rt.Links.Delete(rt.Links.Get("pnbr0").Index);
        bool deleted = rt.Links.DeleteIfExists("pnv0");
        bool deletedAgain = rt.Links.DeleteIfExists("pnv0");

        Assert.False(IprouteJson.LinkExists(ns, "pnbr0"));
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.False(IprouteJson.LinkExists(ns, "pnv1")); // deleting one veth end deletes both
    }

    private static List<string?> Flags(TestNamespace ns, string name) =>
        [.. IprouteJson.Link(ns, name).GetProperty("flags").EnumerateArray().Select(f => f.GetString())];

    private static JsonElement PortData(TestNamespace ns, string name) =>
        IprouteJson.Link(ns, name).GetProperty("linkinfo").GetProperty("info_slave_data");
}
