using System.Runtime.InteropServices;

namespace Podnet.Netlink;

/// <summary>
/// A netlink socket: sends requests, waits for their acknowledgements, reads dumps to the end and turns kernel errors
/// into <see cref="NetlinkException"/>. Extended ACKs, capped ACKs and (for rtnetlink) strict checking are on.
/// </summary>
/// <remarks>
/// Synchronous and not thread-safe: use one socket per thread, or lock around it. A socket belongs to the network
/// namespace it was created in; use <see cref="NetworkNamespace.OpenSocket(string, NetlinkProtocol)"/> for another one.
/// Use a separate socket for <see cref="Subscribe"/>: notifications that arrive while a request is in flight are
/// skipped.
/// </remarks>
public sealed partial class NetlinkSocket : IDisposable
{
    private const int InitialSendBufferSize = 4096;
    private const int DefaultReceiveBufferSize = 32 * 1024;

    private readonly INetlinkTransport _transport;
    private byte[] _sendBuffer = new byte[InitialSendBufferSize];
    private byte[] _receiveBuffer;
    private int _requestLength;
    private uint _sequence;
    private bool _disposed;

    internal NetlinkSocket(INetlinkTransport transport, NetlinkProtocol protocol, int receiveBufferSize = DefaultReceiveBufferSize)
    {
        _transport = transport;
        Protocol = protocol;
        _receiveBuffer = new byte[receiveBufferSize];
        _sequence = (uint)Environment.TickCount;
    }

    /// <summary>The protocol the socket speaks.</summary>
    public NetlinkProtocol Protocol { get; }

    /// <summary>The port id the kernel assigned at bind time (<c>nl_pid</c>).</summary>
    public uint PortId => _transport.PortId;

    /// <summary>The current size of the receive buffer; it grows when a larger datagram arrives.</summary>
    internal int ReceiveBufferSize => _receiveBuffer.Length;

    /// <summary>Opens a socket of <paramref name="protocol"/> in the calling thread's network namespace.</summary>
    /// <exception cref="SystemCallException">A socket call failed.</exception>
    public static NetlinkSocket Open(NetlinkProtocol protocol) => new(NetlinkSocketTransport.Open(protocol), protocol);

    /// <summary>
    /// A socket over any transport: framing, sequencing, ACK and error handling run exactly as on a kernel socket, but
    /// datagrams go to and come from <paramref name="transport"/> (a fake kernel in tests). The socket owns the
    /// transport and disposes it.
    /// </summary>
    /// <param name="transport">Where datagrams go.</param>
    /// <param name="protocol">The protocol the socket speaks.</param>
    public static NetlinkSocket Over(INetlinkTransport transport, NetlinkProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return new(transport, protocol);
    }

    /// <summary>Opens a socket with a given initial receive buffer (tests use a small one to force growth).</summary>
    internal static NetlinkSocket Open(NetlinkProtocol protocol, int receiveBufferSize) =>
        new(NetlinkSocketTransport.Open(protocol), protocol, receiveBufferSize);

    /// <summary>Sends a request with <c>NLM_F_REQUEST | NLM_F_ACK | </c><paramref name="flags"/> and waits for its ACK.</summary>
    /// <param name="type"><c>nlmsg_type</c>, for example <c>RTM_NEWLINK</c>.</param>
    /// <param name="flags">Extra flags, for example <see cref="NetlinkMessageFlags.Create"/>.</param>
    /// <param name="payload">The message body (fixed header and attributes).</param>
    /// <exception cref="NetlinkException">The kernel rejected the request.</exception>
    public void Request(ushort type, NetlinkMessageFlags flags, ReadOnlySpan<byte> payload)
    {
        PrepareRaw(type, flags | NetlinkMessageFlags.Ack, payload);
        var sink = default(DiscardingReplySink);
        Exchange(type, dump: false, ref sink);
    }

    /// <summary>
    /// Sends a request like <see cref="Request(ushort, NetlinkMessageFlags, ReadOnlySpan{byte})"/> and passes every
    /// reply message that arrives before the ACK to <paramref name="handler"/> (a GET, or <c>NLM_F_ECHO</c>).
    /// </summary>
    /// <exception cref="NetlinkException">The kernel rejected the request.</exception>
    public void Request(ushort type, NetlinkMessageFlags flags, ReadOnlySpan<byte> payload, NetlinkMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        PrepareRaw(type, flags | NetlinkMessageFlags.Ack, payload);
        var sink = new HandlerReplySink(handler);
        Exchange(type, dump: false, ref sink);
    }

    /// <summary>Encodes <paramref name="payload"/>, sends it with <c>NLM_F_REQUEST | NLM_F_ACK</c> and waits for the ACK.</summary>
    /// <exception cref="NetlinkException">The kernel rejected the request.</exception>
    public void Request<T>(ushort type, NetlinkMessageFlags flags, T payload)
        where T : INetlinkSerializable<T>
    {
        Prepare(type, flags | NetlinkMessageFlags.Ack, payload);
        var sink = default(DiscardingReplySink);
        Exchange(type, dump: false, ref sink);
    }

    /// <summary>Sends a request and returns the first reply message parsed as <typeparamref name="TReply"/>.</summary>
    /// <exception cref="NetlinkException">The kernel rejected the request.</exception>
    /// <exception cref="NetlinkParseException">The kernel acknowledged without replying, or the reply is malformed.</exception>
    public TReply RequestReply<TRequest, TReply>(ushort type, NetlinkMessageFlags flags, TRequest request)
        where TRequest : INetlinkSerializable<TRequest>
        where TReply : INetlinkSerializable<TReply>
    {
        Prepare(type, flags | NetlinkMessageFlags.Ack, request);
        var sink = default(SingleReplySink<TReply>);
        Exchange(type, dump: false, ref sink);
        return sink.HasValue
            ? sink.Value!
            : throw new NetlinkParseException($"{TypeName(type)} was acknowledged without a reply message.");
    }

    /// <summary>Sends a request and returns the reply, when request and reply share a type (for example a GET).</summary>
    /// <exception cref="NetlinkException">The kernel rejected the request.</exception>
    public T RequestReply<T>(ushort type, NetlinkMessageFlags flags, T request)
        where T : INetlinkSerializable<T> => RequestReply<T, T>(type, flags, request);

    /// <summary>Sends a dump request (<c>NLM_F_DUMP</c>) and parses every reply until <c>NLMSG_DONE</c>.</summary>
    /// <param name="type">The GET type, for example <c>RTM_GETLINK</c>.</param>
    /// <param name="request">The request body (for rtnetlink the fixed header acts as a filter under strict checking).</param>
    /// <param name="flags">Extra flags.</param>
    /// <exception cref="NetlinkException">The kernel rejected the dump, at the start or in <c>NLMSG_DONE</c>.</exception>
    /// <exception cref="NetlinkDumpInterruptedException">The table changed during the dump; repeat it.</exception>
    public List<TReply> Dump<TRequest, TReply>(ushort type, TRequest request, NetlinkMessageFlags flags = NetlinkMessageFlags.None)
        where TRequest : INetlinkSerializable<TRequest>
        where TReply : INetlinkSerializable<TReply>
    {
        Prepare(type, flags | NetlinkMessageFlags.Dump, request);
        var sink = new ListReplySink<TReply>([]);
        Exchange(type, dump: true, ref sink);
        return sink.Items;
    }

    /// <summary>Dumps, when request and replies share a type.</summary>
    /// <exception cref="NetlinkException">The kernel rejected the dump.</exception>
    /// <exception cref="NetlinkDumpInterruptedException">The table changed during the dump; repeat it.</exception>
    public List<T> Dump<T>(ushort type, T request, NetlinkMessageFlags flags = NetlinkMessageFlags.None)
        where T : INetlinkSerializable<T> => Dump<T, T>(type, request, flags);

    /// <summary>Sends a raw dump request and passes every reply message to <paramref name="handler"/>.</summary>
    /// <exception cref="NetlinkException">The kernel rejected the dump.</exception>
    /// <exception cref="NetlinkDumpInterruptedException">
    /// The table changed during the dump (thrown after all messages were handed to <paramref name="handler"/>).
    /// </exception>
    public void Dump(ushort type, ReadOnlySpan<byte> payload, NetlinkMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        PrepareRaw(type, NetlinkMessageFlags.Dump, payload);
        var sink = new HandlerReplySink(handler);
        Exchange(type, dump: true, ref sink);
    }

    /// <summary>Dumps, repeating up to <paramref name="attempts"/> times while the kernel reports <c>NLM_F_DUMP_INTR</c>.</summary>
    /// <exception cref="NetlinkDumpInterruptedException">Every attempt was interrupted.</exception>
    public List<TReply> DumpWithRetry<TRequest, TReply>(ushort type, TRequest request, int attempts = 5)
        where TRequest : INetlinkSerializable<TRequest>
        where TReply : INetlinkSerializable<TReply>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return Dump<TRequest, TReply>(type, request);
            }
            catch (NetlinkDumpInterruptedException) when (attempt < attempts)
            {
            }
        }
    }

    /// <summary>Dumps with retries, when request and replies share a type.</summary>
    /// <exception cref="NetlinkDumpInterruptedException">Every attempt was interrupted.</exception>
    public List<T> DumpWithRetry<T>(ushort type, T request, int attempts = 5)
        where T : INetlinkSerializable<T> => DumpWithRetry<T, T>(type, request, attempts);

    /// <summary>Joins multicast groups (<c>NETLINK_ADD_MEMBERSHIP</c>), for example <c>RTNLGRP_LINK</c> = 1.</summary>
    public void Subscribe(params uint[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (uint group in groups)
        {
            _transport.SetMembership(group, member: true);
        }
    }

    /// <summary>Leaves multicast groups (<c>NETLINK_DROP_MEMBERSHIP</c>).</summary>
    public void Unsubscribe(params uint[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (uint group in groups)
        {
            _transport.SetMembership(group, member: false);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a datagram (typically a multicast notification) and passes each of
    /// its messages to <paramref name="handler"/>.
    /// </summary>
    /// <param name="handler">Receives every message of the datagram, control messages included.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <returns><see langword="false"/> if nothing arrived in time.</returns>
    public bool TryReceive(NetlinkMessageHandler handler, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(_disposed, this);
        int milliseconds = timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
        if (!_transport.WaitForData(milliseconds))
        {
            return false;
        }

        int length = _transport.Receive(ref _receiveBuffer);
        var reader = new NetlinkMessageReader(_receiveBuffer.AsSpan(0, length));
        while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> body))
        {
            handler(header.Type, (ushort)header.Flags, body);
        }

        return true;
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _transport.Dispose();
        }
    }

    private void PrepareRaw(ushort type, NetlinkMessageFlags flags, ReadOnlySpan<byte> payload)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EnsureSendCapacity(NetlinkMessageHeader.Size + NetlinkAttribute.Align(payload.Length));
        var writer = new NetlinkWriter(_sendBuffer);
        int start = writer.BeginMessage(type, (ushort)(flags | NetlinkMessageFlags.Request), NextSequence(), 0);
        writer.WriteRaw(payload);
        writer.EndMessage(start);
        _requestLength = writer.Position;
    }

    private void Prepare<T>(ushort type, NetlinkMessageFlags flags, T payload)
        where T : INetlinkSerializable<T>
    {
        ArgumentNullException.ThrowIfNull(payload);
        ObjectDisposedException.ThrowIf(_disposed, this);
        EnsureSendCapacity(NetlinkMessageHeader.Size + payload.GetSize());
        var writer = new NetlinkWriter(_sendBuffer);
        int start = writer.BeginMessage(type, (ushort)(flags | NetlinkMessageFlags.Request), NextSequence(), 0);
        payload.Write(ref writer);
        writer.EndMessage(start);
        _requestLength = writer.Position;
    }

    private void EnsureSendCapacity(int size)
    {
        if (_sendBuffer.Length < size)
        {
            _sendBuffer = new byte[Math.Max(size, _sendBuffer.Length * 2)];
        }
    }

    private uint NextSequence()
    {
        _sequence++;
        if (_sequence == 0)
        {
            _sequence = 1;
        }

        return _sequence;
    }

    /// <summary>Sends the prepared request and reads replies until its ACK (or, for a dump, <c>NLMSG_DONE</c>).</summary>
    private void Exchange<TSink>(ushort type, bool dump, ref TSink sink)
        where TSink : struct, IReplySink
    {
        ReadOnlySpan<byte> request = _sendBuffer.AsSpan(0, _requestLength);
        uint sequence = MemoryMarshal.Read<uint>(request[8..]);
        _transport.Send(request);

        bool interrupted = false;
        while (true)
        {
            int length = _transport.Receive(ref _receiveBuffer);
            var reader = new NetlinkMessageReader(_receiveBuffer.AsSpan(0, length));
            while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> body))
            {
                if (header.Sequence != sequence || header.PortId != PortId)
                {
                    // Leftovers of an earlier request (abandoned after an exception) and notifications are skipped;
                    // a reply to a request this socket has not sent yet means the stream is corrupt.
                    if (header.PortId == PortId && header.PortId != 0 && (int)(header.Sequence - sequence) > 0)
                    {
                        throw new NetlinkParseException(
                            $"Netlink reply with sequence {header.Sequence} while waiting for {sequence} ({TypeName(type)}).");
                    }

                    continue;
                }

                if ((header.Flags & NetlinkMessageFlags.DumpInterrupted) != 0)
                {
                    interrupted = true;
                }

                switch (header.Type)
                {
                    case NetlinkMessageType.Noop:
                        break;
                    case NetlinkMessageType.Error:
                        ThrowIfError(type, header, body);
                        ThrowIfInterrupted(type, interrupted);
                        return;
                    case NetlinkMessageType.Done:
                        ThrowIfError(type, header, body);
                        if (dump)
                        {
                            ThrowIfInterrupted(type, interrupted);
                            return;
                        }

                        break;
                    case NetlinkMessageType.Overrun:
                        throw new NetlinkException(type, TypeName(type), Errno.ENOBUFS, default);
                    default:
                        sink.OnMessage(header.Type, (ushort)header.Flags, body);
                        break;
                }
            }
        }
    }

    private void ThrowIfError(ushort requestType, in NetlinkMessageHeader header, ReadOnlySpan<byte> body)
    {
        int errno = NetlinkErrorReply.ReadErrno(body, header.Type);
        if (errno != 0)
        {
            NetlinkExtendedAck ack = NetlinkErrorReply.ReadExtendedAck(
                header.Type, header.Flags, body, _sendBuffer.AsSpan(0, _requestLength));
            throw new NetlinkException(requestType, TypeName(requestType), errno, ack);
        }
    }

    private void ThrowIfInterrupted(ushort requestType, bool interrupted)
    {
        if (interrupted)
        {
            throw new NetlinkDumpInterruptedException(requestType, TypeName(requestType));
        }
    }

    private string TypeName(ushort type) => NetlinkMessageTypeName.Get(Protocol, type);
}
