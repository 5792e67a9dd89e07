using System.Runtime.InteropServices;
using Podnet.Netlink.Tests.Infrastructure;
using static Podnet.Netlink.Testing.ScriptedTransport;

namespace Podnet.Netlink.Tests.Sockets;

/// <summary>Framing, sequencing and error parsing of <see cref="NetlinkSocket"/> against a scripted fake kernel.</summary>
public sealed class NetlinkFramingTests
{
    private static readonly byte[] s_body = [1, 2, 3, 4];

    private static NetlinkSocket Socket(Func<SentRequest, IEnumerable<byte[]>> script, out ScriptedTransport transport, int bufferSize = 32 * 1024)
    {
        transport = new ScriptedTransport(script);
        return new NetlinkSocket(transport, NetlinkProtocol.Route, bufferSize);
    }

    private static byte[] Attributes(Action<NetlinkWriterBox> write)
    {
        var box = new NetlinkWriterBox(0);
        write(box);
        return box.ToArray();
    }

    [Fact]
    public void Request_sets_request_and_ack_flags_and_increments_the_sequence()
    {
        using NetlinkSocket socket = Socket(r => [r.Ack()], out ScriptedTransport transport);
        socket.Request(16, NetlinkMessageFlags.Create, [9, 9, 9]);
        socket.Request(16, NetlinkMessageFlags.None, s_body);

        var first = MemoryMarshal.Read<NetlinkMessageHeader>(transport.Sent[0]);
        var second = MemoryMarshal.Read<NetlinkMessageHeader>(transport.Sent[1]);
        Assert.Equal(NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack | NetlinkMessageFlags.Create, first.Flags);
        Assert.Equal(20u, first.Length); // a 3-byte body is padded (with zeros) to the 4-byte alignment
        Assert.Equal(20, transport.Sent[0].Length);
        Assert.Equal(0, transport.Sent[0][19]);
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal((ushort)16, second.Type);
    }

    [Fact]
    public void Dump_sends_the_dump_flags_without_ack_and_reads_until_done()
    {
        using NetlinkSocket socket = Socket(
            r =>
            [
                Datagram(Message(16, NetlinkMessageFlags.Multi, r.Sequence, Port, [1, 0, 0, 0]), Message(16, NetlinkMessageFlags.Multi, r.Sequence, Port, [2, 0, 0, 0])),
                Datagram(Message(16, NetlinkMessageFlags.Multi, r.Sequence, Port, [3, 0, 0, 0]), Message(NetlinkMessageType.Done, NetlinkMessageFlags.Multi, r.Sequence, Port, [0, 0, 0, 0])),
            ],
            out ScriptedTransport transport);
        var seen = new List<byte>();
        socket.Dump(18, s_body, (type, flags, body) => seen.Add(body[0]));

        Assert.Equal([1, 2, 3], seen);
        var header = MemoryMarshal.Read<NetlinkMessageHeader>(transport.Sent[0]);
        Assert.Equal(NetlinkMessageFlags.Request | NetlinkMessageFlags.Dump, header.Flags);
    }

    [Fact]
    public void A_datagram_larger_than_the_buffer_grows_it()
    {
        byte[] big = new byte[10_000];
        big[^1] = 0x5A;
        using NetlinkSocket socket = Socket(r => [Datagram(Message(16, NetlinkMessageFlags.None, r.Sequence, Port, big), r.Ack())], out _, bufferSize: 64);
        int length = 0;
        byte last = 0;
        socket.Request(18, NetlinkMessageFlags.None, s_body, (_, _, body) => (length, last) = (body.Length, body[^1]));
        Assert.Equal(big.Length, length);
        Assert.Equal(0x5A, last);
        Assert.True(socket.ReceiveBufferSize >= 10_016);
    }

    [Fact]
    public void Stale_replies_and_other_ports_are_skipped()
    {
        using NetlinkSocket socket = Socket(
            r =>
            [
                Datagram(
                    Message(16, NetlinkMessageFlags.None, r.Sequence - 1, Port, [0xEE]),
                    Message(16, NetlinkMessageFlags.None, r.Sequence, Port + 1, [0xEE]),
                    Message(16, NetlinkMessageFlags.None, 0, 0, [0xEE])),
                Datagram(Message(16, NetlinkMessageFlags.None, r.Sequence, Port, [0x11]), r.Ack()),
            ],
            out _);
        var seen = new List<byte>();
        socket.Request(18, NetlinkMessageFlags.None, s_body, (_, _, body) => seen.Add(body[0]));
        Assert.Equal([0x11], seen);
    }

    [Fact]
    public void A_reply_for_a_future_sequence_is_garbage()
    {
        using NetlinkSocket socket = Socket(r => [Message(16, NetlinkMessageFlags.None, r.Sequence + 5, Port, s_body)], out _);
        Assert.Throws<NetlinkParseException>(() => socket.Request(18, NetlinkMessageFlags.None, s_body));
    }

    [Fact]
    public void A_length_running_past_the_datagram_is_rejected()
    {
        using NetlinkSocket socket = Socket(
            r =>
            {
                byte[] message = Message(16, NetlinkMessageFlags.None, r.Sequence, Port, s_body);
                MemoryMarshal.Write(message, 400u);
                return [message];
            },
            out _);
        var error = Assert.Throws<NetlinkParseException>(() => socket.Request(18, NetlinkMessageFlags.None, s_body));
        Assert.Contains("nlmsg_len 400", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(15u)]
    public void A_length_shorter_than_the_header_is_rejected(uint length)
    {
        byte[] message = Message(16, NetlinkMessageFlags.None, 1, Port, s_body);
        MemoryMarshal.Write(message, length);
        Assert.Throws<NetlinkParseException>(() =>
        {
            var reader = new NetlinkMessageReader(message);
            reader.TryRead(out _, out _);
        });
    }

    [Fact]
    public void A_truncated_header_is_rejected()
    {
        Assert.Throws<NetlinkParseException>(() =>
        {
            var reader = new NetlinkMessageReader(new byte[10]);
            reader.TryRead(out _, out _);
        });
    }

    [Fact]
    public void Uncapped_error_with_extended_ack_names_the_attribute_at_the_offset()
    {
        byte[] payload = Attributes(w =>
        {
            w.String(3, "eth0");
            w.U32(4, 1500);
        });
        int offset = NetlinkMessageHeader.Size + 12; // second attribute
        byte[] ack = Attributes(w =>
        {
            w.String(1, "bad mtu");
            w.U32(2, (uint)offset);
        });
        using NetlinkSocket socket = Socket(
            r => [Message(NetlinkMessageType.Error, NetlinkMessageFlags.AckTlvs, r.Sequence, Port, ErrorBody(Errno.EINVAL, r.Bytes, capped: false, ack))],
            out _);

        var error = Assert.Throws<NetlinkException>(() => socket.Request(16, NetlinkMessageFlags.None, payload));
        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Equal("bad mtu", error.ExtendedAckMessage);
        Assert.Equal(offset, error.ErrorOffset);
        Assert.Equal((ushort)4, error.ErrorAttributeType);
        Assert.Equal($"RTM_NEWLINK: EINVAL (Invalid argument): kernel says 'bad mtu' (offending attribute type 4 at offset {offset})", error.Message);
    }

    [Fact]
    public void Capped_error_with_a_missing_attribute_is_reported()
    {
        byte[] ack = Attributes(w => w.U32(5, 3));
        using NetlinkSocket socket = Socket(
            r => [Message(NetlinkMessageType.Error, NetlinkMessageFlags.Capped | NetlinkMessageFlags.AckTlvs, r.Sequence, Port, ErrorBody(Errno.EINVAL, r.Bytes, capped: true, ack))],
            out _);
        var error = Assert.Throws<NetlinkException>(() => socket.Request(16, NetlinkMessageFlags.None, s_body));
        Assert.Equal((ushort)3, error.MissingAttributeType);
        Assert.Null(error.ExtendedAckMessage);
        Assert.Contains("missing attribute type 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_without_ack_tlvs_flag_has_no_extended_ack()
    {
        using NetlinkSocket socket = Socket(
            r => [Message(NetlinkMessageType.Error, NetlinkMessageFlags.Capped, r.Sequence, Port, ErrorBody(Errno.EPERM, r.Bytes))],
            out _);
        var error = Assert.Throws<NetlinkException>(() => socket.Request(20, NetlinkMessageFlags.None, s_body));
        Assert.Equal("EPERM", error.ErrnoName);
        Assert.Equal("RTM_NEWADDR: EPERM (Operation not permitted)", error.Message);
    }

    [Fact]
    public void Done_carrying_an_error_and_extended_ack_throws()
    {
        byte[] body = [.. BitConverter.GetBytes(-Errno.EOPNOTSUPP), .. Attributes(w => w.String(1, "not here"))];
        using NetlinkSocket socket = Socket(
            r =>
            [
                Datagram(
                    Message(16, NetlinkMessageFlags.Multi, r.Sequence, Port, s_body),
                    Message(NetlinkMessageType.Done, NetlinkMessageFlags.Multi | NetlinkMessageFlags.AckTlvs, r.Sequence, Port, body)),
            ],
            out _);
        var error = Assert.Throws<NetlinkException>(() => socket.Dump(18, s_body, (_, _, _) => { }));
        Assert.Equal("EOPNOTSUPP", error.ErrnoName);
        Assert.Equal("not here", error.ExtendedAckMessage);
    }

    [Fact]
    public void Interrupted_dump_is_read_to_the_end_then_reported()
    {
        using NetlinkSocket socket = Socket(
            r =>
            [
                Datagram(
                    Message(16, NetlinkMessageFlags.Multi | NetlinkMessageFlags.DumpInterrupted, r.Sequence, Port, s_body),
                    Message(16, NetlinkMessageFlags.Multi, r.Sequence, Port, s_body)),
                Message(NetlinkMessageType.Done, NetlinkMessageFlags.Multi, r.Sequence, Port, [0, 0, 0, 0]),
            ],
            out ScriptedTransport transport);
        int seen = 0;
        var error = Assert.Throws<NetlinkDumpInterruptedException>(() => socket.Dump(18, s_body, (_, _, _) => seen++));
        Assert.Equal(2, seen);
        Assert.Equal(Errno.EINTR, error.Errno);
        Assert.Contains("NLM_F_DUMP_INTR", error.Message, StringComparison.Ordinal);

        // Nothing of that dump is left behind.
        Assert.False(transport.WaitForData(0));
    }

    [Fact]
    public void DumpWithRetry_repeats_an_interrupted_dump()
    {
        int attempt = 0;
        using NetlinkSocket socket = Socket(
            r =>
            {
                attempt++;
                NetlinkMessageFlags flags = attempt == 1 ? NetlinkMessageFlags.Multi | NetlinkMessageFlags.DumpInterrupted : NetlinkMessageFlags.Multi;
                return
                [
                    Message(16, flags, r.Sequence, Port, new LinkSummaryBytes(7, "a").Bytes),
                    Message(NetlinkMessageType.Done, NetlinkMessageFlags.Multi, r.Sequence, Port, [0, 0, 0, 0]),
                ];
            },
            out _);
        List<LinkSummary> links = socket.DumpWithRetry(18, new LinkSummary());
        Assert.Equal(2, attempt);
        Assert.Equal(7, Assert.Single(links).Index);
    }

    [Fact]
    public void DumpWithRetry_gives_up_after_the_given_attempts()
    {
        int attempts = 0;
        using NetlinkSocket socket = Socket(
            r =>
            {
                attempts++;
                return [Message(NetlinkMessageType.Done, NetlinkMessageFlags.Multi | NetlinkMessageFlags.DumpInterrupted, r.Sequence, Port, [0, 0, 0, 0])];
            },
            out _);
        Assert.Throws<NetlinkDumpInterruptedException>(() => socket.DumpWithRetry(18, new LinkSummary(), attempts: 3));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public void RequestReply_without_a_reply_is_an_error()
    {
        using NetlinkSocket socket = Socket(r => [r.Ack()], out _);
        Assert.Throws<NetlinkParseException>(() => socket.RequestReply(18, NetlinkMessageFlags.None, new LinkSummary()));
    }

    [Fact]
    public void Generic_request_encodes_the_payload_after_the_header()
    {
        using NetlinkSocket socket = Socket(r => [r.Ack()], out ScriptedTransport transport);
        var link = new LinkSummary { Index = 9, Name = "x" };
        socket.Request(16, NetlinkMessageFlags.None, link);
        Assert.Equal(NetlinkSerializer.ToArray(link), transport.Sent[0][NetlinkMessageHeader.Size..]);
    }

    [Fact]
    public void Overrun_is_reported_as_ENOBUFS()
    {
        using NetlinkSocket socket = Socket(r => [Message(NetlinkMessageType.Overrun, 0, r.Sequence, Port, [])], out _);
        Assert.Equal("ENOBUFS", Assert.Throws<NetlinkException>(() => socket.Request(16, 0, s_body)).ErrnoName);
    }

    [Fact]
    public void TryReceive_hands_every_message_of_a_datagram_to_the_handler()
    {
        using NetlinkSocket socket = Socket(_ => [], out ScriptedTransport transport);
        Assert.False(socket.TryReceive((_, _, _) => { }, TimeSpan.Zero));
        transport.Enqueue(Datagram(Message(16, 0, 0, 0, [1]), Message(17, 0, 0, 0, [2])));
        var types = new List<ushort>();
        Assert.True(socket.TryReceive((type, _, _) => types.Add(type), TimeSpan.Zero));
        Assert.Equal([16, 17], types);
    }

    [Fact]
    public void Dispose_closes_the_transport()
    {
        NetlinkSocket socket = Socket(_ => [], out ScriptedTransport transport);
        socket.Dispose();
        Assert.True(transport.Disposed);
    }

    private sealed record LinkSummaryBytes(int Index, string Name)
    {
        public byte[] Bytes => NetlinkSerializer.ToArray(new LinkSummary { Index = Index, Name = Name });
    }
}
