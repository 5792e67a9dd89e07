using System.Runtime.InteropServices;

namespace Podnet.Netlink.Testing;

/// <summary>
/// A fake kernel: records each request and answers it with the datagrams a script returns for it, so framing,
/// sequencing, error parsing and the exact request bytes can be tested without sockets. Use it with
/// <see cref="NetlinkSocket.Over"/>.
/// </summary>
/// <param name="script">Returns the datagrams the fake kernel answers a request with (for example <c>[request.Ack()]</c>).</param>
public sealed class ScriptedTransport(Func<ScriptedTransport.SentRequest, IEnumerable<byte[]>> script) : INetlinkTransport
{
    /// <summary>The port id the fake kernel assigned (<c>nl_pid</c>).</summary>
    public const uint Port = 4242;

    private readonly Queue<byte[]> _pending = new();

    /// <summary>Every datagram sent, in order.</summary>
    public List<byte[]> Sent { get; } = [];

    /// <inheritdoc/>
    public uint PortId => Port;

    /// <summary>Whether the socket disposed the transport.</summary>
    public bool Disposed { get; private set; }

    /// <summary>Builds one netlink message (header and body, padded to 4 bytes).</summary>
    public static byte[] Message(ushort type, NetlinkMessageFlags flags, uint sequence, uint portId, ReadOnlySpan<byte> body)
    {
        byte[] message = new byte[NetlinkAttribute.Align(NetlinkMessageHeader.Size + body.Length)];
        var header = new NetlinkMessageHeader
        {
            Length = (uint)(NetlinkMessageHeader.Size + body.Length),
            Type = type,
            Flags = flags,
            Sequence = sequence,
            PortId = portId,
        };
        MemoryMarshal.Write(message, in header);
        body.CopyTo(message.AsSpan(NetlinkMessageHeader.Size));
        return message;
    }

    /// <summary>Concatenates messages into one datagram.</summary>
    public static byte[] Datagram(params byte[][] messages) => messages.SelectMany(m => m).ToArray();

    /// <summary>An <c>NLMSG_ERROR</c> body: errno (negated on the wire), the request's header, optional extra bytes.</summary>
    /// <param name="errno">The positive errno; 0 for an ACK.</param>
    /// <param name="request">The request message being answered.</param>
    /// <param name="capped">Echo only the request's header (<c>NETLINK_CAP_ACK</c>), not the whole request.</param>
    /// <param name="attributes">Extended-ACK attributes to append.</param>
    public static byte[] ErrorBody(int errno, ReadOnlySpan<byte> request, bool capped = true, byte[]? attributes = null)
    {
        int echoed = capped ? NetlinkMessageHeader.Size : NetlinkAttribute.Align(request.Length);
        byte[] body = new byte[4 + echoed + (attributes?.Length ?? 0)];
        MemoryMarshal.Write(body, -errno);
        request[..Math.Min(echoed, request.Length)].CopyTo(body.AsSpan(4));
        attributes?.CopyTo(body, 4 + echoed);
        return body;
    }

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> datagram)
    {
        byte[] copy = datagram.ToArray();
        Sent.Add(copy);
        var header = MemoryMarshal.Read<NetlinkMessageHeader>(copy);
        foreach (byte[] reply in script(new SentRequest(copy, header)))
        {
            _pending.Enqueue(reply);
        }
    }

    /// <inheritdoc/>
    public int Receive(ref byte[] buffer)
    {
        byte[] next = _pending.Count > 0 ? _pending.Dequeue() : throw new InvalidOperationException("The script has no more datagrams: the socket would block forever.");
        if (next.Length > buffer.Length)
        {
            buffer = new byte[next.Length];
        }

        next.CopyTo(buffer, 0);
        return next.Length;
    }

    /// <summary>Queues a datagram the fake kernel sends unprompted (a notification).</summary>
    public void Enqueue(byte[] datagram) => _pending.Enqueue(datagram);

    /// <inheritdoc/>
    public bool WaitForData(int timeoutMilliseconds) => _pending.Count > 0;

    /// <inheritdoc/>
    public void SetMembership(uint group, bool member)
    {
    }

    /// <inheritdoc/>
    public void Dispose() => Disposed = true;

    /// <summary>A request as the fake kernel saw it.</summary>
    /// <param name="Bytes">The whole datagram.</param>
    /// <param name="Header">Its first message header.</param>
    public sealed record SentRequest(byte[] Bytes, NetlinkMessageHeader Header)
    {
        /// <summary>The request's <c>nlmsg_seq</c>.</summary>
        public uint Sequence => Header.Sequence;

        /// <summary>A capped ACK (<c>NLMSG_ERROR</c> with errno 0) for this request.</summary>
        public byte[] Ack() => Message(NetlinkMessageType.Error, NetlinkMessageFlags.Capped, Sequence, Port, ErrorBody(0, Bytes));
    }
}
