namespace Podnet.Netlink.Netfilter;

/// <summary>
/// Messages to send to one nfnetlink subsystem as a single transaction: <see cref="NetlinkSocket.SendBatch"/> wraps
/// them in <c>NFNL_MSG_BATCH_BEGIN</c>/<c>NFNL_MSG_BATCH_END</c> and sends them in one datagram, and the kernel
/// commits all of them or none.
/// </summary>
public sealed class NetfilterBatch
{
    private readonly List<BatchEntry> _entries = [];
    private byte[] _buffer = new byte[1024];
    private int _length;

    /// <summary>A batch for the nf_tables subsystem.</summary>
    public NetfilterBatch()
        : this(NftablesMessageType.Subsystem)
    {
    }

    /// <summary>A batch for the nfnetlink subsystem <paramref name="subsystem"/> (<c>NFNL_SUBSYS_*</c>).</summary>
    public NetfilterBatch(byte subsystem) => Subsystem = subsystem;

    /// <summary>The subsystem named in the batch delimiters' <c>res_id</c>.</summary>
    public byte Subsystem { get; }

    /// <summary>The number of messages (delimiters not counted).</summary>
    public int Count => _entries.Count;

    /// <summary>Appends a message; the socket adds <c>NLM_F_REQUEST | NLM_F_ACK</c> and the sequence number.</summary>
    /// <param name="type">The message type, for example <see cref="NftablesMessageType.NewRule"/>.</param>
    /// <param name="flags">Extra flags, for example <see cref="NetlinkMessageFlags.Create"/>.</param>
    /// <param name="body">The message body.</param>
    public void Add<T>(ushort type, NetlinkMessageFlags flags, T body)
        where T : INetlinkSerializable<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        int size = NetlinkMessageHeader.Size + body.GetSize();
        if (_buffer.Length - _length < size)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        }

        var writer = new NetlinkWriter(_buffer.AsSpan(_length));
        int start = writer.BeginMessage(type, (ushort)flags, 0, 0);
        body.Write(ref writer);
        writer.EndMessage(start);
        _entries.Add(new BatchEntry(_length, writer.Position, type));
        _length += writer.Position;
    }

    /// <summary>Removes every message.</summary>
    public void Clear()
    {
        _entries.Clear();
        _length = 0;
    }

    /// <summary>The encoded messages, back to back, without delimiters (sequence numbers 0).</summary>
    internal ReadOnlySpan<byte> Messages => _buffer.AsSpan(0, _length);

    /// <summary>The type of message <paramref name="index"/>.</summary>
    internal ushort GetMessageType(int index) => _entries[index].Type;

    /// <summary>Where message <paramref name="index"/> lies within <see cref="Messages"/>.</summary>
    internal (int Offset, int Length) GetMessageRange(int index) => (_entries[index].Offset, _entries[index].Length);

    private readonly record struct BatchEntry(int Offset, int Length, ushort Type);
}

/// <summary>
/// The kernel rejected a message of a <see cref="NetfilterBatch"/>, so it rolled back the whole batch.
/// <see cref="MessageIndex"/> says which message failed; the extended-ACK offset counts from that message's header.
/// </summary>
public sealed class NetfilterBatchException : NetlinkException
{
    /// <summary>Creates the exception.</summary>
    public NetfilterBatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NetfilterBatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public NetfilterBatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for message <paramref name="messageIndex"/> of a batch.</summary>
    /// <param name="messageIndex">Index of the failed message in the batch; -1 when the batch as a whole was refused.</param>
    /// <param name="requestType">The failed message's type.</param>
    /// <param name="errno">The positive <c>errno</c>.</param>
    /// <param name="extendedAck">Extended-ACK details.</param>
    public NetfilterBatchException(int messageIndex, ushort requestType, int errno, NetlinkExtendedAck extendedAck)
        : base(requestType, Describe(messageIndex, requestType), errno, extendedAck)
    {
        MessageIndex = messageIndex;
    }

    /// <summary>Index of the failed message in the batch; -1 when the batch as a whole was refused.</summary>
    public int MessageIndex { get; }

    private static string Describe(int messageIndex, ushort requestType) =>
        messageIndex < 0
            ? "nfnetlink batch"
            : NftablesMessageType.GetName(requestType) + " (batch message " + messageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
