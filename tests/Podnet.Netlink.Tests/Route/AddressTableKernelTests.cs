using System.Net;
using System.Text.Json;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary><see cref="AddressTable"/> against the kernel, inside fresh namespaces, checked with iproute2.</summary>
[Kernel]
public sealed class AddressTableKernelTests
{
    [Fact]
    public void Add_List_and_Delete_IPv4_and_IPv6_addresses()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");
        int index = rt.Links.Get("pnbr0").Index;
        InterfaceAddress v4 = InterfaceAddress.Parse("10.244.1.5/24");
        InterfaceAddress v6 = InterfaceAddress.Parse("fd00:244::5/64");

        rt.Addresses.Add(index, v4);
        rt.Addresses.Add(index, v6, AddressFlags.NoDad);

        List<(string?, int)> ip = Addresses(ns, "pnbr0");
        Assert.Contains(("10.244.1.5", 24), ip);
        Assert.Contains(("fd00:244::5", 64), ip);
        Assert.Equal("10.244.1.255", IprouteJson.Ip(ns, "-4", "addr", "show", "dev", "pnbr0")[0]
            .GetProperty("addr_info")[0].GetProperty("broadcast").GetString());
        List<InterfaceAddress> ours = rt.Addresses.ListOf(index);
        Assert.Contains(v4, ours);
        Assert.Contains(v6, ours);
        Assert.All(rt.Addresses.List(RouteAddressFamily.Inet6), a => Assert.Equal(RouteAddressFamily.Inet6, a.Family));

        rt.Addresses.Delete(index, v4);
        rt.Addresses.Delete(index, v6);

        Assert.DoesNotContain(Addresses(ns, "pnbr0"), a => a.Item1 is "10.244.1.5" or "fd00:244::5");
        Assert.DoesNotContain(v4, rt.Addresses.ListOf(index));
    }

    [Fact]
    public void Adding_an_existing_address_fails_with_EEXIST_unless_replacing()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");
        int index = rt.Links.Get("pnbr0").Index;
        InterfaceAddress v4 = InterfaceAddress.Parse("10.244.1.5/24");
        rt.Addresses.Add(index, v4);

        NetlinkException e = Assert.Throws<NetlinkException>(() => rt.Addresses.Add(index, v4));
        rt.Addresses.Add(index, v4, replace: true);

        Assert.Equal("EEXIST", e.ErrnoName);
        Assert.Single(Addresses(ns, "pnbr0"), a => a.Item1 == "10.244.1.5");
    }

    [Fact]
    public void Deleting_a_missing_address_fails_with_EADDRNOTAVAIL()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);

        NetlinkException e = Assert.Throws<NetlinkException>(() => rt.Addresses.Delete(1, new InterfaceAddress(IPAddress.Parse("10.1.1.1"), 24)));

        Assert.Equal("EADDRNOTAVAIL", e.ErrnoName);
        Assert.Equal(IprouteJson.ExtendedAckOf(ns, "addr", "del", "10.1.1.1/24", "dev", "lo"), e.ExtendedAckMessage?.TrimEnd('.'));
    }

    private static List<(string?, int)> Addresses(TestNamespace ns, string name) =>
        [.. IprouteJson.Ip(ns, "addr", "show", "dev", name)[0].GetProperty("addr_info").EnumerateArray()
            .Select(a => (a.GetProperty("local").GetString(), a.GetProperty("prefixlen").GetInt32()))];
}
