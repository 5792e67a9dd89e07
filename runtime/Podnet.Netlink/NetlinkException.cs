namespace Podnet.Netlink;

/// <summary>
/// The kernel rejected a netlink request: an <c>NLMSG_ERROR</c> with a non-zero error, or an <c>NLMSG_DONE</c> that
/// carries one. Extended-ACK details (<c>NETLINK_EXT_ACK</c>) are kept: the kernel's text and the offending
/// attribute.
/// </summary>
public class NetlinkException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NetlinkException()
    {
        RequestTypeName = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public NetlinkException(string message)
        : base(message)
    {
        RequestTypeName = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public NetlinkException(string message, Exception innerException)
        : base(message, innerException)
    {
        RequestTypeName = string.Empty;
    }

    /// <summary>Creates the exception from the parts of a kernel error reply.</summary>
    /// <param name="requestType">The <c>nlmsg_type</c> of the failed request.</param>
    /// <param name="requestTypeName">Its symbolic name, for example <c>RTM_NEWLINK</c>.</param>
    /// <param name="errno">The positive <c>errno</c>.</param>
    /// <param name="extendedAck">Extended-ACK details, if the kernel sent any.</param>
    public NetlinkException(ushort requestType, string requestTypeName, int errno, NetlinkExtendedAck extendedAck)
        : base(FormatMessage(requestTypeName, errno, extendedAck))
    {
        RequestType = requestType;
        RequestTypeName = requestTypeName;
        Errno = errno;
        ExtendedAckMessage = extendedAck.Message;
        ErrorOffset = extendedAck.Offset;
        ErrorAttributeType = extendedAck.AttributeType;
        MissingAttributeType = extendedAck.MissingAttributeType;
    }

    /// <summary>Creates the exception with a custom message for a failed request.</summary>
    /// <param name="message">The message.</param>
    /// <param name="requestType">The <c>nlmsg_type</c> of the failed request.</param>
    /// <param name="requestTypeName">Its symbolic name.</param>
    /// <param name="errno">The positive <c>errno</c> that best describes the failure.</param>
    protected NetlinkException(string message, ushort requestType, string requestTypeName, int errno)
        : base(message)
    {
        RequestType = requestType;
        RequestTypeName = requestTypeName;
        Errno = errno;
    }

    /// <summary>The <c>nlmsg_type</c> of the failed request.</summary>
    public ushort RequestType { get; }

    /// <summary>The symbolic name of <see cref="RequestType"/>, for example <c>RTM_NEWLINK</c>.</summary>
    public string RequestTypeName { get; }

    /// <summary>The positive <c>errno</c> the kernel returned.</summary>
    public int Errno { get; }

    /// <summary>The symbolic name of <see cref="Errno"/>, for example <c>EEXIST</c>.</summary>
    public string ErrnoName => Podnet.Netlink.Errno.GetName(Errno);

    /// <summary>The kernel's explanation (<c>NLMSGERR_ATTR_MSG</c>), if it gave one.</summary>
    public string? ExtendedAckMessage { get; }

    /// <summary>
    /// Offset of the offending attribute in the request, counted from the start of its <c>nlmsghdr</c>
    /// (<c>NLMSGERR_ATTR_OFFS</c>), if the kernel gave one.
    /// </summary>
    public int? ErrorOffset { get; }

    /// <summary>The type (flags masked) of the attribute found at <see cref="ErrorOffset"/> in the request.</summary>
    public ushort? ErrorAttributeType { get; }

    /// <summary>The type of a required attribute the request lacked (<c>NLMSGERR_ATTR_MISS_TYPE</c>).</summary>
    public ushort? MissingAttributeType { get; }

    private static string FormatMessage(string requestTypeName, int errno, NetlinkExtendedAck ack)
    {
        var text = new System.Text.StringBuilder();
        text.Append(requestTypeName).Append(": ")
            .Append(Podnet.Netlink.Errno.GetName(errno)).Append(" (").Append(Podnet.Netlink.Errno.GetDescription(errno)).Append(')');
        if (ack.Message is not null)
        {
            text.Append(": kernel says '").Append(ack.Message).Append('\'');
        }

        if (ack.Offset is int offset)
        {
            text.Append(ack.AttributeType is ushort type
                ? System.FormattableString.Invariant($" (offending attribute type {type} at offset {offset})")
                : System.FormattableString.Invariant($" (offending data at offset {offset})"));
        }

        if (ack.MissingAttributeType is ushort missing)
        {
            text.Append(System.FormattableString.Invariant($" (missing attribute type {missing})"));
        }

        return text.ToString();
    }
}
