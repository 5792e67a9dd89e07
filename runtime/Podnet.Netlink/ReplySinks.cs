namespace Podnet.Netlink;

/// <summary>Consumes the data messages of a reply; implemented by structs so the receive loop does not allocate.</summary>
internal interface IReplySink
{
    /// <summary>Called for every non-control message that answers the current request.</summary>
    void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body);
}

/// <summary>Receives one netlink message.</summary>
/// <param name="type"><c>nlmsg_type</c>.</param>
/// <param name="flags"><c>nlmsg_flags</c> (see <see cref="NetlinkMessageFlags"/>).</param>
/// <param name="body">The message after its <c>nlmsghdr</c>; valid only during the call.</param>
public delegate void NetlinkMessageHandler(ushort type, ushort flags, ReadOnlySpan<byte> body);

/// <summary>Passes every data message to a <see cref="NetlinkMessageHandler"/>.</summary>
internal readonly struct HandlerReplySink : IReplySink
{
    private readonly NetlinkMessageHandler _handler;

    public HandlerReplySink(NetlinkMessageHandler handler) => _handler = handler;

    /// <inheritdoc/>
    public void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body) => _handler(type, flags, body);
}

/// <summary>Parses every data message as <typeparamref name="T"/> into a list.</summary>
internal readonly struct ListReplySink<T> : IReplySink
    where T : INetlinkSerializable<T>
{
    public ListReplySink(List<T> items) => Items = items;

    public List<T> Items { get; }

    /// <inheritdoc/>
    public void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body) => Items.Add(T.Read(body));
}

/// <summary>Parses the first data message as <typeparamref name="T"/>; later ones are ignored.</summary>
internal struct SingleReplySink<T> : IReplySink
    where T : INetlinkSerializable<T>
{
    public T? Value { get; private set; }

    public bool HasValue { get; private set; }

    /// <inheritdoc/>
    public void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body)
    {
        if (!HasValue)
        {
            Value = T.Read(body);
            HasValue = true;
        }
    }
}

/// <summary>Ignores data messages (a request that only wants its ACK).</summary>
internal struct DiscardingReplySink : IReplySink
{
    /// <inheritdoc/>
    public readonly void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body)
    {
    }
}
