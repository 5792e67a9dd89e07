using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary><see cref="LinkWatcher"/> receives kernel link events instead of polling.</summary>
[Kernel]
public sealed class LinkWatcherKernelTests
{
    [Fact]
    public void WaitUntilUp_returns_once_the_kernel_announces_the_veth_running()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1"));
        int end = rt.Links.Get("pnv0").Index;
        int peer = rt.Links.Get("pnv1").Index;
        using LinkWatcher watcher = rt.WatchLinks();

        rt.Links.SetUp(end);
        rt.Links.SetUp(peer);
        LinkMessage up = watcher.WaitUntilUp(end, TimeSpan.FromSeconds(20));

        Assert.Equal(end, up.Index);
        Assert.True(up.IsRunning);
        Assert.Contains("LOWER_UP", IprouteJson.Link(ns, "pnv0").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void WaitFor_times_out_when_the_condition_never_holds()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        using LinkWatcher watcher = rt.WatchLinks();

        Assert.Throws<TimeoutException>(() => watcher.WaitFor(1, l => l.Mtu == 1234, TimeSpan.FromMilliseconds(200)));
    }
}
