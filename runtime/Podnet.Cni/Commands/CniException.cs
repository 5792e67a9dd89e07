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
