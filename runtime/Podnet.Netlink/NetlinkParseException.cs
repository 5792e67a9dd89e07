namespace Podnet.Netlink;

/// <summary>Netlink data that cannot be parsed: truncated, a length that lies, or a payload of the wrong size.</summary>
public sealed class NetlinkParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NetlinkParseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NetlinkParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public NetlinkParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
