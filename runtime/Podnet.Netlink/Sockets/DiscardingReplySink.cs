namespace Podnet.Netlink;

/// <summary>Ignores data messages (a request that only wants its ACK).</summary>
internal struct DiscardingReplySink : IReplySink
{
    /// <inheritdoc/>
    public readonly void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body)
    {
    }
}
