using System.Net;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary>Kernel errors come back as <see cref="NetlinkException"/> with the errno and any extended-ACK text.</summary>
[Kernel]
public sealed class RtnetlinkErrorKernelTests
{
    [Fact]
    public void Creating_a_link_whose_name_exists_fails_with_EEXIST()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateBridge("pnbr0");

        NetlinkException e = Assert.Throws<NetlinkException>(() => rt.Links.CreateBridge("pnbr0"));

        Assert.Equal("EEXIST", e.ErrnoName);
        Assert.Equal(Errno.EEXIST, e.Errno);
        // iproute2 prints "Error: TEXT." when the kernel sends an extended ACK message and "RTNETLINK answers: …"
        // when it does not; we must report exactly the same text (or none).
        Assert.Equal(IprouteJson.ExtendedAckOf(ns, "link", "add", "pnbr0", "type", "bridge"), e.ExtendedAckMessage?.TrimEnd('.'));
    }

    [Fact]
    public void A_missing_link_fails_with_ENODEV()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);

        NetlinkException byName = Assert.Throws<NetlinkException>(() => rt.Links.Get("pnnothere"));
        NetlinkException byIndex = Assert.Throws<NetlinkException>(() => rt.Links.SetUp(4242));

        Assert.Equal("ENODEV", byName.ErrnoName);
        Assert.Equal("ENODEV", byIndex.ErrnoName);
        Assert.True(byName.ExtendedAckMessage is null || byName.ExtendedAckMessage.Length > 0);
    }

    [Fact]
    public void Deleting_a_missing_route_fails_with_ESRCH_and_the_kernels_text()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        var missing = new RouteSpec(IPNetwork.Parse("10.249.0.0/16"));

        NetlinkException e = Assert.Throws<NetlinkException>(() => rt.Routes.Delete(missing));

        Assert.Equal("ESRCH", e.ErrnoName);
        string? iproute = IprouteJson.ExtendedAckOf(ns, "route", "del", "10.249.0.0/16");
        Assert.Equal(iproute, e.ExtendedAckMessage?.TrimEnd('.'));
        Assert.False(string.IsNullOrEmpty(iproute), "this kernel explains a delete from a missing table; the check above compares real text");
    }
}
