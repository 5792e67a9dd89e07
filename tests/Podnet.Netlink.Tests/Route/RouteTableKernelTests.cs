using System.Net;
using System.Text.Json;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary><see cref="RouteTable"/> against the kernel, inside fresh namespaces, checked with iproute2.</summary>
[Kernel]
public sealed class RouteTableKernelTests
{
    private const byte PrivateProtocol = 77;

    [Fact]
    public void A_table_without_routes_lists_empty()
    {
        // A fresh namespace has no main table until its first route; the kernel answers a dump of it with ENOENT.
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);

        Assert.Empty(rt.Routes.List(RouteAddressFamily.Inet));
        Assert.Empty(rt.Routes.List(RouteAddressFamily.Inet, 1234));
        UpLinkWithAddress(rt, "10.244.1.5/24");
        Assert.Single(rt.Routes.List(RouteAddressFamily.Inet));
    }

    [Fact]
    public void Add_a_gateway_route_with_device_protocol_and_metric()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        int index = UpLinkWithAddress(rt, "10.244.1.5/24");

        rt.Routes.Add(new RouteSpec(IPNetwork.Parse("10.245.0.0/16"))
        {
            Gateway = IPAddress.Parse("10.244.1.1"),
            OutputInterface = index,
            Protocol = RouteSpec.StaticProtocol,
            Metric = 100,
        });

        JsonElement ip = IprouteJson.Ip(ns, "route", "show", "10.245.0.0/16")[0];
        Assert.Equal("10.244.1.1", ip.GetProperty("gateway").GetString());
        Assert.Equal("pnv0", ip.GetProperty("dev").GetString());
        Assert.Equal("static", ip.GetProperty("protocol").GetString());
        Assert.Equal(100, ip.GetProperty("metric").GetInt32());
        RouteMessage ours = Assert.Single(rt.Routes.List(RouteAddressFamily.Inet), r => Equals(r.Destination, IPAddress.Parse("10.245.0.0")));
        Assert.Equal(16, ours.DestinationLength);
        Assert.Equal(IPAddress.Parse("10.244.1.1"), ours.Gateway);
        Assert.Equal(index, ours.OutputInterface);
        Assert.Equal(100u, ours.Priority);
        Assert.Equal(RouteSpec.MainTable, ours.Table);
    }

    [Fact]
    public void Replace_changes_the_gateway_of_the_route_with_the_same_key()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        UpLinkWithAddress(rt, "10.244.1.5/24");
        var first = new RouteSpec(IPNetwork.Parse("10.245.0.0/16")) { Gateway = IPAddress.Parse("10.244.1.1") };
        rt.Routes.Add(first);

        rt.Routes.Replace(first with { Gateway = IPAddress.Parse("10.244.1.2") });
        NetlinkException duplicate = Assert.Throws<NetlinkException>(() => rt.Routes.Add(first));

        JsonElement ip = Assert.Single(IprouteJson.Ip(ns, "route", "show", "10.245.0.0/16").EnumerateArray());
        Assert.Equal("10.244.1.2", ip.GetProperty("gateway").GetString());
        Assert.Equal("EEXIST", duplicate.ErrnoName);
    }

    [Fact]
    public void Routes_in_another_table_with_link_scope_are_listed_and_deleted_there()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        int index = UpLinkWithAddress(rt, "10.244.1.5/24");
        var route = new RouteSpec(IPNetwork.Parse("10.246.0.0/16"))
        {
            OutputInterface = index,
            Table = 1000,
            Protocol = PrivateProtocol,
            Scope = RouteScope.Link,
        };

        rt.Routes.Add(route);
        JsonElement ip = IprouteJson.Ip(ns, "route", "show", "table", "1000")[0];
        List<RouteMessage> listed = rt.Routes.List(RouteAddressFamily.Inet, 1000);
        List<RouteMessage> main = rt.Routes.List(RouteAddressFamily.Inet);
        rt.Routes.Delete(route);

        Assert.Equal("10.246.0.0/16", ip.GetProperty("dst").GetString());
        Assert.Equal("link", ip.GetProperty("scope").GetString());
        Assert.Equal("77", ip.GetProperty("protocol").GetString());
        RouteMessage ours = Assert.Single(listed);
        Assert.Equal(1000u, ours.Table);
        Assert.Equal(RouteScope.Link, ours.Scope);
        Assert.Equal(PrivateProtocol, ours.Protocol);
        Assert.DoesNotContain(main, r => Equals(r.Destination, IPAddress.Parse("10.246.0.0")));
        Assert.Empty(IprouteJson.Ip(ns, "route", "show", "table", "1000").EnumerateArray());
    }

    [Fact]
    public void IPv6_route_is_added_listed_and_deleted_as_reported()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        int index = UpLinkWithAddress(rt, "fd00:244::5/64");
        var route = new RouteSpec(IPNetwork.Parse("fd00:245::/48")) { Gateway = IPAddress.Parse("fd00:244::1"), OutputInterface = index, Metric = 42 };

        rt.Routes.Add(route);
        RouteMessage listed = Assert.Single(rt.Routes.List(RouteAddressFamily.Inet6), r => Equals(r.Destination, IPAddress.Parse("fd00:245::")));
        JsonElement ip = IprouteJson.Ip(ns, "-6", "route", "show", "fd00:245::/48")[0];
        rt.Routes.Delete(listed);

        Assert.Equal("fd00:244::1", ip.GetProperty("gateway").GetString());
        Assert.Equal(42, ip.GetProperty("metric").GetInt32());
        Assert.Empty(IprouteJson.Ip(ns, "-6", "route", "show", "fd00:245::/48").EnumerateArray());
    }

    [Fact]
    public void Lookup_returns_the_route_ip_route_get_picks()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        int index = UpLinkWithAddress(rt, "10.244.1.5/24");
        rt.Routes.Add(new RouteSpec(IPNetwork.Parse("10.245.0.0/16")) { Gateway = IPAddress.Parse("10.244.1.1") });

        RouteMessage found = rt.Routes.Lookup(IPAddress.Parse("10.245.3.4"));

        JsonElement ip = IprouteJson.Ip(ns, "route", "get", "10.245.3.4")[0];
        Assert.Equal(IPAddress.Parse(ip.GetProperty("gateway").GetString()!), found.Gateway);
        Assert.Equal(index, found.OutputInterface);
        Assert.Equal(IPAddress.Parse(ip.GetProperty("prefsrc").GetString()!), found.PreferredSource);
        Assert.Equal(IPAddress.Parse("10.245.3.4"), found.Destination);
    }

    [Fact]
    public void Deleting_a_route_that_is_not_there_fails_with_ESRCH()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        UpLinkWithAddress(rt, "10.244.1.5/24"); // the main table exists, so this is "no such route"
        var route = new RouteSpec(IPNetwork.Parse("10.245.0.0/16")) { Gateway = IPAddress.Parse("10.244.1.1") };
        rt.Routes.Add(route);
        rt.Routes.Delete(route);

        NetlinkException e = Assert.Throws<NetlinkException>(() => rt.Routes.Delete(route));

        Assert.Equal("ESRCH", e.ErrnoName);
        Assert.Equal(IprouteJson.ExtendedAckOf(ns, "route", "del", "10.245.0.0/16", "via", "10.244.1.1"), e.ExtendedAckMessage?.TrimEnd('.'));
    }

    /// <summary>A veth pair, both ends up, then <paramref name="address"/> on pnv0 (no DAD); returns pnv0's index.</summary>
    private static int UpLinkWithAddress(Rtnetlink rt, string address)
    {
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));
        int index = rt.Links.Get("pnv0").Index;
        rt.Links.SetUp(rt.Links.Get("pnv1").Index);
        rt.Links.SetUp(index);
        rt.Addresses.Add(index, InterfaceAddress.Parse(address), AddressFlags.NoDad);
        return index;
    }
}
