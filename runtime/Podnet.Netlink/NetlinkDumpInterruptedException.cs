namespace Podnet.Netlink;

/// <summary>
/// A dump was marked <c>NLM_F_DUMP_INTR</c>: the kernel's table changed while it was being read, so the result may
/// be inconsistent. Repeat the dump (see <see cref="NetlinkSocket.DumpWithRetry{T}"/>).
/// </summary>
public sealed class NetlinkDumpInterruptedException : NetlinkException
{
    /// <summary>Creates the exception.</summary>
    public NetlinkDumpInterruptedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NetlinkDumpInterruptedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public NetlinkDumpInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an interrupted dump of <paramref name="requestTypeName"/>.</summary>
    internal NetlinkDumpInterruptedException(ushort requestType, string requestTypeName)
        : base(
            $"{requestTypeName}: the dump was interrupted (NLM_F_DUMP_INTR) because the table changed while it was read; repeat it.",
            requestType,
            requestTypeName,
            Podnet.Netlink.Errno.EINTR)
    {
    }
}
