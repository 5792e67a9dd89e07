namespace Podnet.Netlink;

/// <summary>Consumes the data messages of a reply; implemented by structs so the receive loop does not allocate.</summary>
internal interface IReplySink
{
    /// <summary>Called for every non-control message that answers the current request.</summary>
    void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body);
}
