namespace Podnet.Cni;

/// <summary>A failure reported to the runtime as the CNI error object <c>{code, msg, details}</c>.</summary>
public sealed class CniException : Exception
{
    /// <summary>Creates the error.</summary>
    public CniException(int code, string message, string? details = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Details = details;
    }

    /// <summary>Creates an internal error.</summary>
    public CniException()
        : this(CniErrorCode.Internal, "internal error")
    {
    }

    /// <summary>Creates an internal error with a message.</summary>
    public CniException(string message)
        : this(CniErrorCode.Internal, message)
    {
    }

    /// <summary>Creates an internal error with a message and cause.</summary>
    public CniException(string message, Exception innerException)
        : this(CniErrorCode.Internal, message, null, innerException)
    {
    }

    /// <summary>The CNI error code (see <see cref="CniErrorCode"/>).</summary>
    public int Code { get; }

    /// <summary>Longer, optional detail for the operator.</summary>
    public string? Details { get; }
}

/// <summary>The well-known CNI error codes (SPEC.md, "Error"). Codes 100 and up are plugin-specific.</summary>
public static class CniErrorCode
{
    /// <summary>Incompatible CNI version.</summary>
    public const int IncompatibleVersion = 1;

    /// <summary>Unsupported field in network configuration.</summary>
    public const int UnsupportedField = 2;

    /// <summary>Container unknown or does not exist.</summary>
    public const int UnknownContainer = 3;

    /// <summary>Invalid necessary environment variables, like CNI_COMMAND, CNI_CONTAINERID, etc.</summary>
    public const int InvalidEnvironment = 4;

    /// <summary>I/O failure (for example, failed to read network config bytes from stdin).</summary>
    public const int IOFailure = 5;

    /// <summary>Failed to decode content (for example, failed to unmarshal network config or CNI_ARGS).</summary>
    public const int DecodingFailure = 6;

    /// <summary>Invalid network config.</summary>
    public const int InvalidNetworkConfig = 7;

    /// <summary>Try again later: a transient condition (for example a lock held too long).</summary>
    public const int TryAgainLater = 11;

    /// <summary>The plugin is not available (STATUS): it cannot service ADD requests.</summary>
    public const int PluginNotAvailable = 50;

    /// <summary>The plugin is not available because of limited resources (STATUS), e.g. an exhausted range.</summary>
    public const int LimitedConnectivity = 51;

    /// <summary>Podnet: a kernel (netlink) operation failed.</summary>
    public const int KernelError = 100;

    /// <summary>Podnet: the IP range has no free address left.</summary>
    public const int AddressesExhausted = 101;

    /// <summary>Podnet: an interface with the requested name already exists in the container.</summary>
    public const int InterfaceExists = 102;

    /// <summary>Podnet: CHECK found state that differs from the previous result.</summary>
    public const int CheckFailed = 103;

    /// <summary>Podnet: an unexpected internal failure (a bug).</summary>
    public const int Internal = 999;
}
