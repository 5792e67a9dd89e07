using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Route;

/// <summary>Veth pairs created in one request, with the peer placed directly in another namespace.</summary>
[Kernel]
public sealed class VethPairKernelTests
{
    private const uint LinkGroup = 1; // RTNLGRP_LINK

    [Fact]
    public void Peer_is_created_in_the_other_namespace_and_never_appears_in_this_one()
    {
        using var host = TestNamespace.Create();
        using var pod = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(host.Path);
        using NetlinkSocket hostEvents = host.OpenSocket();
        hostEvents.Subscribe(LinkGroup);
        using NetworkNamespace podNamespace = NetworkNamespace.Open(pod.Path);

        rt.Links.CreateVethPair(new VethPair("pnh0", "pnp0") { PeerNamespace = podNamespace, Mtu = 1400 });

        // Every RTM_NEWLINK the host namespace announced while the pair was created: the kernel queues them before
        // it ACKs the request, so they are all readable now.
        var announced = new List<string?>();
        while (hostEvents.TryReceive((type, _, body) => announced.Add(type == RouteMessageType.NewLink ? LinkMessage.Read(body).Name : null), TimeSpan.Zero))
        {
        }

        Assert.Contains("pnh0", announced);
        Assert.DoesNotContain("pnp0", announced);
        Assert.True(IprouteJson.LinkExists(host, "pnh0"));
        Assert.False(IprouteJson.LinkExists(host, "pnp0"));
        Assert.True(IprouteJson.LinkExists(pod, "pnp0"));
        Assert.Equal(1400, IprouteJson.Link(pod, "pnp0").GetProperty("mtu").GetInt32());
        Assert.Equal("veth", IprouteJson.Link(pod, "pnp0").GetProperty("linkinfo").GetProperty("info_kind").GetString());
    }

    [Fact]
    public void Peer_in_the_same_namespace_is_linked_to_this_end()
    {
        using var ns = TestNamespace.Create();
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        MacAddress peerMac = MacAddress.Parse("02:50:4e:00:00:02");

        rt.Links.CreateVethPair(new VethPair("pnv0", "pnv1") { PeerAddress = peerMac });

        LinkMessage end = rt.Links.Get("pnv0");
        LinkMessage peer = rt.Links.Get("pnv1");
        Assert.Equal(peer.Index, end.Link);
        Assert.Equal(peerMac, peer.Address);
        Assert.Equal("pnv1", IprouteJson.Link(ns, "pnv0").GetProperty("link").GetString());
    }
}
