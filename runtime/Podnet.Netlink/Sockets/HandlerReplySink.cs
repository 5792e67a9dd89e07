namespace Podnet.Netlink;

/// <summary>Passes every data message to a <see cref="NetlinkMessageHandler"/>.</summary>
internal readonly struct HandlerReplySink : IReplySink
{
    private readonly NetlinkMessageHandler _handler;

    public HandlerReplySink(NetlinkMessageHandler handler) => _handler = handler;

    /// <inheritdoc/>
    public void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body) => _handler(type, flags, body);
}
