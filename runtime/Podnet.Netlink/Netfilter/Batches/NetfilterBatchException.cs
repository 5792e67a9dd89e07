namespace Podnet.Netlink.Netfilter;

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
