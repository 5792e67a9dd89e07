namespace Podnet.Netlink;

/// <summary>A Linux system call failed (socket, bind, setns, mount, …); <see cref="Errno"/> says why.</summary>
public sealed class SystemCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SystemCallException()
    {
        SystemCall = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public SystemCallException(string message)
        : base(message)
    {
        SystemCall = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SystemCallException(string message, Exception innerException)
        : base(message, innerException)
    {
        SystemCall = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="systemCall"/> failing with <paramref name="errno"/>.</summary>
    /// <param name="systemCall">The call, for example <c>setns</c>.</param>
    /// <param name="errno">The positive <c>errno</c>.</param>
    /// <param name="context">What was being done, for example the path involved; may be empty.</param>
    public SystemCallException(string systemCall, int errno, string context)
        : base(FormatMessage(systemCall, errno, context))
    {
        SystemCall = systemCall;
        Errno = errno;
    }

    /// <summary>The failed call, for example <c>setns</c>.</summary>
    public string SystemCall { get; }

    /// <summary>The positive <c>errno</c>.</summary>
    public int Errno { get; }

    /// <summary>The symbolic name of <see cref="Errno"/>, for example <c>EPERM</c>.</summary>
    public string ErrnoName => Podnet.Netlink.Errno.GetName(Errno);

    private static string FormatMessage(string systemCall, int errno, string context) =>
        $"{systemCall}{(context.Length == 0 ? string.Empty : " " + context)}: {Podnet.Netlink.Errno.GetName(errno)} ({Podnet.Netlink.Errno.GetDescription(errno)})";
}
