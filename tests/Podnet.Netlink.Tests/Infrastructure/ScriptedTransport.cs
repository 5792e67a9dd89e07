using System.Runtime.InteropServices;

namespace Podnet.Netlink.Tests.Infrastructure;

/// <summary>
/// A fake kernel: records each request and answers it with the datagrams a script returns for it, so framing,
/// sequencing and error parsing can be tested without sockets.
/// </summary>
internal sealed class ScriptedTransport(Func<ScriptedTransport.SentRequest, IEnumerable<byte[]>> script) : INetlinkTransport
{
    public const uint Port = 4242;

    private readonly Queue<byte[]> _pending = new();

    public List<byte[]> Sent { get; } = [];

    public uint PortId => Port;

    public bool Disposed { get; private set; }

    /// <summary>Builds one netlink message.</summary>
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
    public static byte[] ErrorBody(int errno, ReadOnlySpan<byte> request, bool capped = true, byte[]? attributes = null)
    {
        int echoed = capped ? NetlinkMessageHeader.Size : NetlinkAttribute.Align(request.Length);
        byte[] body = new byte[4 + echoed + (attributes?.Length ?? 0)];
        MemoryMarshal.Write(body, -errno);
        request[..Math.Min(echoed, request.Length)].CopyTo(body.AsSpan(4));
        attributes?.CopyTo(body, 4 + echoed);
        return body;
    }

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

    public void Enqueue(byte[] datagram) => _pending.Enqueue(datagram);

    public bool WaitForData(int timeoutMilliseconds) => _pending.Count > 0;

    public void SetMembership(uint group, bool member)
    {
    }

    public void Dispose() => Disposed = true;

    /// <summary>A request as the fake kernel saw it.</summary>
    public sealed record SentRequest(byte[] Bytes, NetlinkMessageHeader Header)
    {
        public uint Sequence => Header.Sequence;

        public byte[] Ack() => Message(NetlinkMessageType.Error, NetlinkMessageFlags.Capped, Sequence, Port, ErrorBody(0, Bytes));
    }
}
