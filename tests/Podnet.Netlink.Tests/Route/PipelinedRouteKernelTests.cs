using System.Net;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary><see cref="NetlinkSocket.RequestMany{T}"/> through <see cref="RouteTable.ReplaceMany"/>, against the kernel.</summary>
[Kernel]
public sealed class PipelinedRouteKernelTests
{
    [Fact]
    public void Thousands_of_routes_are_installed_and_each_failure_is_reported_at_its_position()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));
        int index = rt.Links.Get("pnv0").Index;
        rt.Links.SetUp(rt.Links.Get("pnv1").Index);
        rt.Links.SetUp(index);
        rt.Addresses.Add(index, InterfaceAddress.Parse("10.0.0.1/16"), AddressFlags.NoDad);

        // 2,000 routes span several datagrams; two of them name a gateway that is not on-link.
        var routes = new List<RouteSpec>();
        for (int i = 0; i < 2000; i++)
        {
            bool broken = i is 7 or 1500;
            routes.Add(new RouteSpec(new IPNetwork(new IPAddress([10, (byte)(100 + (i / 256)), (byte)(i % 256), 0]), 24))
            {
                Gateway = broken ? IPAddress.Parse("192.0.2.77") : IPAddress.Parse($"10.0.{i / 250}.{(i % 250) + 2}"),
                OutputInterface = index,
                Protocol = 98,
            });
        }

        NetlinkException?[] results = rt.Routes.ReplaceMany(routes);

        Assert.Equal(2000, results.Length);
        Assert.Equal([7, 1500], results.Select((r, i) => (r, i)).Where(x => x.r is not null).Select(x => x.i));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal("ENETUNREACH", r!.ErrnoName));
        List<RouteMessage> installed = [.. rt.Routes.List(RouteAddressFamily.Inet).Where(r => r.Protocol == 98)];
        Assert.Equal(1998, installed.Count);
        Assert.Equal(1998, IprouteJson.Ip(ns, "route", "show", "proto", "98").GetArrayLength());

        // Replacing again changes nothing and reports no failure.
        routes.RemoveAt(1500);
        routes.RemoveAt(7);
        Assert.All(rt.Routes.ReplaceMany(routes), Assert.Null);
        Assert.Equal(1998, rt.Routes.List(RouteAddressFamily.Inet).Count(r => r.Protocol == 98));
    }

    [Fact]
    public void An_empty_list_sends_nothing()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        Assert.Empty(rt.Routes.ReplaceMany([]));
    }
}
