using System.Net;
using System.Net.Sockets;
using Podnet.Netlink.Netfilter;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Netfilter;

/// <summary>
/// Real frames: two pod namespaces joined by a bridge in a third; UDP datagrams between them are the traffic and
/// the check. The MAC spoof check drops everything the pod sends once its registered MAC is not
/// the one its frames carry.
/// </summary>
[Kernel]
public sealed class MacSpoofCheckPacketTests
{
    private static readonly MacAddress s_podMac = MacAddress.Parse("02:00:00:00:aa:01");
    private static readonly MacAddress s_otherMac = MacAddress.Parse("02:00:00:00:aa:99");

    [Fact]
    public void Frames_with_a_source_mac_other_than_the_registered_one_are_dropped()
    {
        using var host = TestNamespace.Create();
        using var podA = TestNamespace.Create(loopbackUp: true);
        using var podB = TestNamespace.Create(loopbackUp: true);
        Connect(host, podA, "pnvetha", s_podMac, "10.99.0.1");
        Connect(host, podB, "pnvethb", MacAddress.Parse("02:00:00:00:bb:01"), "10.99.0.2");
        using NetlinkSocket socket = host.OpenSocket(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);
        var owner = new RuleOwner("podnet", "podA", "eth0");

        ruleset.AddMacSpoofCheck(owner, "pnvetha", s_podMac);
        Assert.True(Reachable(podA, podB, "10.99.0.2"), "the pod's own MAC must pass:\n" + NftRulesetView.Text(host));

        // Registering another MAC makes every frame the pod sends a forgery as far as the rule is concerned.
        ruleset.AddMacSpoofCheck(owner, "pnvetha", s_otherMac);
        Assert.False(Reachable(podA, podB, "10.99.0.2"), "frames with an unregistered source MAC must be dropped:\n" + NftRulesetView.Text(host));

        ruleset.RemoveMacSpoofCheck(owner);
        Assert.True(Reachable(podA, podB, "10.99.0.2"), "after removal traffic must flow again:\n" + NftRulesetView.Text(host));
    }

    private static void Connect(TestNamespace host, TestNamespace pod, string hostEnd, MacAddress podMac, string podAddress)
    {
        using Rtnetlink hostLinks = Rtnetlink.OpenIn(host.Path);
        if (hostLinks.Links.Find("pnbr0") is null)
        {
            hostLinks.Links.CreateBridge("pnbr0");
            hostLinks.Links.SetUp(hostLinks.Links.Get("pnbr0").Index);
        }

        hostLinks.Links.CreateVethPair(new VethPair(hostEnd, "eth0") { PeerNamespace = pod.Namespace, PeerAddress = podMac });

        int port = hostLinks.Links.Get(hostEnd).Index;
        hostLinks.Links.SetMaster(port, hostLinks.Links.Get("pnbr0").Index);
        hostLinks.Links.SetUp(port);

        using Rtnetlink podLinks = Rtnetlink.OpenIn(pod.Path);
        int eth0 = podLinks.Links.Get("eth0").Index;
        podLinks.Addresses.Add(eth0, InterfaceAddress.Parse(podAddress + "/24"));
        podLinks.Links.SetUp(eth0);
    }

    /// <summary>Sends UDP datagrams from <paramref name="from"/> to <paramref name="address"/> in <paramref name="to"/>; true if one arrives.</summary>
    private static bool Reachable(TestNamespace from, TestNamespace to, string address)
    {
        // A socket stays in the namespace it was created in, so create each on a thread inside its namespace.
        using Socket receiver = to.Run(() =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            return socket;
        });
        using Socket sender = from.Run(() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        receiver.ReceiveTimeout = 300;
        byte[] buffer = new byte[64];
        for (int attempt = 0; attempt < 5; attempt++)
        {
            sender.SendTo("podnet"u8, receiver.LocalEndPoint!);
            try
            {
                if (receiver.Receive(buffer) > 0)
                {
                    return true;
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
            }
        }

        return false;
    }
}
