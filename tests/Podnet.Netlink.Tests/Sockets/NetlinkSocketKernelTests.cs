using System.Net;
using Podnet.Netlink.Tests.Infrastructure;
using static Podnet.Netlink.Tests.Infrastructure.RawRouteMessages;

namespace Podnet.Netlink.Tests.Sockets;

/// <summary>The socket against the real kernel, each test in its own fresh namespace (deleted and checked in Dispose).</summary>
[Kernel]
public sealed class NetlinkSocketKernelTests : IDisposable
{
    private const NetlinkMessageFlags CreateExclusive = NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive;

    private readonly TestNamespace _ns = TestNamespace.Create();

    public void Dispose() => _ns.Dispose();

    [Fact]
    public void Open_binds_to_a_kernel_assigned_port()
    {
        using NetlinkSocket a = _ns.OpenSocket();
        using NetlinkSocket b = _ns.OpenSocket();
        Assert.NotEqual(0u, a.PortId);
        Assert.NotEqual(a.PortId, b.PortId);
        Assert.Equal(NetlinkProtocol.Route, a.Protocol);
    }

    [Fact]
    public void Generic_netlink_socket_opens_even_though_strict_checking_is_route_only()
    {
        using NetlinkSocket socket = _ns.OpenSocket(NetlinkProtocol.Generic);
        Assert.NotEqual(0u, socket.PortId);
    }

    [Fact]
    public void Raw_link_dump_in_a_new_namespace_sees_only_lo()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        var links = new List<(ushort Type, int Index, string? Name)>();
        socket.Dump(GetLinkType, Link(), (type, flags, body) =>
        {
            (int index, string? name) = ReadLink(body);
            links.Add((type, index, name));
        });

        Assert.Equal([(NewLinkType, 1, "lo")], links);
    }

    [Fact]
    public void Generic_dump_and_request_reply_parse_replies()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        socket.Request(NewLinkType, CreateExclusive, NewLink("pnbr0"));

        List<LinkSummary> links = socket.Dump(GetLinkType, new LinkSummary());
        Assert.Equal(["lo", "pnbr0"], links.Select(l => l.Name).Order());

        LinkSummary byName = socket.RequestReply(GetLinkType, NetlinkMessageFlags.None, new LinkSummary { Name = "pnbr0" });
        Assert.Equal(links.Single(l => l.Name == "pnbr0").Index, byName.Index);
        Assert.Contains("pnbr0", _ns.Ip("-o", "link", "show"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_request_creates_what_ip_then_reports()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        socket.Request(NewLinkType, CreateExclusive, NewLink("pnbr1"));
        List<LinkSummary> retried = socket.DumpWithRetry(GetLinkType, new LinkSummary());
        Assert.Equal(2, retried.Count);
        Assert.Contains("pnbr1", _ns.Ip("-o", "link", "show", "pnbr1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_a_link_twice_fails_with_EEXIST()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        socket.Request(NewLinkType, CreateExclusive, NewLink("pnbr0"));

        var error = Assert.Throws<NetlinkException>(() => socket.Request(NewLinkType, CreateExclusive, NewLink("pnbr0")));
        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Equal("EEXIST", error.ErrnoName);
        Assert.Equal(NewLinkType, error.RequestType);
        Assert.Equal("RTM_NEWLINK", error.RequestTypeName);
        Assert.StartsWith("RTM_NEWLINK: EEXIST (File exists)", error.Message, StringComparison.Ordinal);

        // rtnl_newlink returns a bare -EEXIST (iproute2 prints "RTNETLINK answers: File exists").
        Assert.Null(error.ExtendedAckMessage);
        Assert.Null(error.ErrorOffset);
    }

    [Fact]
    public void Adding_an_address_twice_fails_with_EEXIST_and_the_kernel_message()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        socket.Request(NewLinkType, CreateExclusive, NewLink("pnbr0"));
        int index = socket.RequestReply(GetLinkType, NetlinkMessageFlags.None, new LinkSummary { Name = "pnbr0" }).Index;
        byte[] address = NewIPv4Address(index, IPAddress.Parse("10.9.8.7"), 24);
        socket.Request(NewAddressType, CreateExclusive, address);

        var error = Assert.Throws<NetlinkException>(() => socket.Request(NewAddressType, CreateExclusive, address));
        Assert.Equal("EEXIST", error.ErrnoName);
        Assert.Equal("RTM_NEWADDR", error.RequestTypeName);
        (int exitCode, _, string stderr) = IpCommand.TryRun("-n", _ns.Name, "addr", "add", "10.9.8.7/24", "dev", "pnbr0");
        Assert.NotEqual(0, exitCode);

        if (error.ExtendedAckMessage is null)
        {
            // Kernels without an extended-ack text for a duplicate IPv4 address (Debian 12's 6.1 answers a bare
            // -EEXIST): iproute2 got none either, so it prints its generic line.
            Assert.Equal("RTM_NEWADDR: EEXIST (File exists)", error.Message);
            Assert.Contains("RTNETLINK answers: File exists", stderr, StringComparison.Ordinal);
            return;
        }

        Assert.False(string.IsNullOrWhiteSpace(error.ExtendedAckMessage));
        Assert.Equal($"RTM_NEWADDR: EEXIST (File exists): kernel says '{error.ExtendedAckMessage}'", error.Message);

        // The same text iproute2 prints after "Error: ".
        Assert.Contains("Error: " + error.ExtendedAckMessage, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Getting_a_missing_ifindex_fails_with_ENODEV()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        int replies = 0;
        var error = Assert.Throws<NetlinkException>(() => socket.Request(GetLinkType, NetlinkMessageFlags.None, Link(index: 4242), (_, _, _) => replies++));
        Assert.Equal(Errno.ENODEV, error.Errno);
        Assert.Equal("ENODEV", error.ErrnoName);
        Assert.Equal(0, replies);
    }

    [Fact]
    public void Extended_ack_offset_names_the_offending_attribute()
    {
        using NetlinkSocket socket = _ns.OpenSocket();

        // IFLA_MTU must be a u32; two bytes fail policy validation, which reports the attribute's offset.
        byte[] body = Link(attributes: w =>
        {
            w.String(InterfaceName, "pnbr2");
            w.Binary(Mtu, [0x10, 0x00]);
            w.Nested(LinkInfo, inner => inner.String(InfoKind, "bridge"));
        });
        int expectedOffset = NetlinkMessageHeader.Size + InterfaceInfoSize + NetlinkAttribute.SizeOfString("pnbr2");

        var error = Assert.Throws<NetlinkException>(() => socket.Request(NewLinkType, CreateExclusive, body));
        Assert.Equal(expectedOffset, error.ErrorOffset);
        Assert.Equal(Mtu, error.ErrorAttributeType);
        Assert.NotNull(error.ExtendedAckMessage);
        Assert.Contains($"offending attribute type {Mtu} at offset {expectedOffset}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pnbr2", _ns.Ip("-o", "link", "show"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_error_delivered_in_NLMSG_DONE_becomes_an_exception()
    {
        // Under strict checking, a link dump with header flags set is refused from inside the dump, so the kernel
        // reports it in NLMSG_DONE rather than NLMSG_ERROR.
        var recorder = new RecordingTransport(_ns.Run(() => NetlinkSocketTransport.Open(NetlinkProtocol.Route)));
        using var socket = new NetlinkSocket(recorder, NetlinkProtocol.Route);

        var error = Assert.Throws<NetlinkException>(() => socket.Dump(GetLinkType, Link(flags: 1), (_, _, _) => { }));
        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.NotNull(error.ExtendedAckMessage);
        Assert.Equal(NetlinkMessageType.Done, recorder.Received[^1].Type);

        // The socket is still usable afterwards.
        Assert.Single(socket.Dump(GetLinkType, new LinkSummary()));
    }

    [Fact]
    public void Large_address_dump_over_32_KiB_is_read_completely_with_a_growing_buffer()
    {
        const int count = 2000;
        using NetlinkSocket socket = _ns.Run(() => NetlinkSocket.Open(NetlinkProtocol.Route, receiveBufferSize: 512));
        socket.Request(NewLinkType, CreateExclusive, NewLink("pnbr0"));
        int index = socket.RequestReply(GetLinkType, NetlinkMessageFlags.None, new LinkSummary { Name = "pnbr0" }).Index;

        var expected = new HashSet<IPAddress>();
        for (int i = 0; i < count; i++)
        {
            var address = new IPAddress([10, 77, (byte)(i / 250), (byte)((i % 250) + 1)]);
            expected.Add(address);
            socket.Request(NewAddressType, CreateExclusive, NewIPv4Address(index, address, 32));
        }

        int messages = 0;
        long bytes = 0;
        var seen = new HashSet<IPAddress>();
        socket.Dump(GetAddressType, IPv4AddressesOf(index), (type, flags, body) =>
        {
            Assert.Equal(NewAddressType, type);
            Assert.Equal(index, ReadAddressIndex(body));
            messages++;
            bytes += NetlinkMessageHeader.Size + body.Length;
            var reader = new NetlinkAttributeReader(body[InterfaceAddressSize..]);
            while (reader.TryRead(out ushort attribute, out ReadOnlySpan<byte> payload, out _))
            {
                if (attribute == LocalAttribute)
                {
                    seen.Add(NetlinkPayload.ReadAddress(payload, attribute));
                }
            }
        });

        Assert.Equal(count, messages);
        Assert.True(bytes > 32 * 1024, $"dump was only {bytes} bytes");
        Assert.True(expected.SetEquals(seen));
        Assert.True(socket.ReceiveBufferSize > 512, "the receive buffer should have grown to the peeked datagram size");

        // Independent count by iproute2.
        string shown = _ns.Ip("-4", "-o", "addr", "show", "dev", "pnbr0");
        Assert.Equal(count, shown.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Leftovers_of_an_abandoned_dump_are_skipped_by_the_next_request()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        for (int i = 0; i < 5; i++)
        {
            socket.Request(NewLinkType, CreateExclusive, NewLink($"pnbr{i}"));
        }

        Assert.Throws<InvalidOperationException>(() =>
            socket.Dump(GetLinkType, Link(), (_, _, _) => throw new InvalidOperationException("stop after the first link")));

        // The rest of that dump (more links and its DONE) is still queued; it must not be taken as this reply.
        LinkSummary lo = socket.RequestReply(GetLinkType, NetlinkMessageFlags.None, new LinkSummary { Index = 1 });
        Assert.Equal("lo", lo.Name);
        Assert.Equal(6, socket.Dump(GetLinkType, new LinkSummary()).Count);
    }

    [Fact]
    public void Subscriber_receives_a_link_event_when_a_link_is_created()
    {
        using NetlinkSocket listener = _ns.OpenSocket();
        using NetlinkSocket actor = _ns.OpenSocket();
        listener.Subscribe(LinkGroup);

        actor.Request(NewLinkType, CreateExclusive, NewLink("pnev0"));

        bool sawNewLink = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!sawNewLink && DateTime.UtcNow < deadline)
        {
            bool received = listener.TryReceive(
                (type, flags, body) => sawNewLink |= type == NewLinkType && ReadLink(body).Name == "pnev0",
                TimeSpan.FromSeconds(5));
            Assert.True(received, "no link event arrived");
        }

        Assert.True(sawNewLink);
    }

    [Fact]
    public void TryReceive_times_out_when_nothing_happens()
    {
        using NetlinkSocket listener = _ns.OpenSocket();
        listener.Subscribe(LinkGroup);
        int calls = 0;
        Assert.False(listener.TryReceive((_, _, _) => calls++, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Unsubscribed_socket_gets_no_events()
    {
        using NetlinkSocket listener = _ns.OpenSocket();
        using NetlinkSocket actor = _ns.OpenSocket();
        listener.Subscribe(LinkGroup);
        listener.Unsubscribe(LinkGroup);
        actor.Request(NewLinkType, CreateExclusive, NewLink("pnev1"));
        Assert.False(listener.TryReceive((_, _, _) => { }, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void Steady_state_requests_do_not_allocate()
    {
        using NetlinkSocket socket = _ns.OpenSocket();
        byte[] setLoUp = Link(index: 1, flags: 1, change: 1);
        var link = new LinkSummary { Index = 1 };
        for (int i = 0; i < 10; i++)
        {
            socket.Request(NewLinkType, NetlinkMessageFlags.None, setLoUp);
            socket.Request(NewLinkType, NetlinkMessageFlags.None, link);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            socket.Request(NewLinkType, NetlinkMessageFlags.None, setLoUp);
            socket.Request(NewLinkType, NetlinkMessageFlags.None, link);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains("UP", _ns.Ip("-o", "link", "show", "lo").Split('<', '>')[1].Split(','));
    }

    [Fact]
    public void Disposed_socket_refuses_requests()
    {
        NetlinkSocket socket = _ns.OpenSocket();
        socket.Dispose();
        socket.Dispose();
        Assert.Throws<ObjectDisposedException>(() => socket.Request(GetLinkType, NetlinkMessageFlags.None, Link(index: 1)));
    }
}
