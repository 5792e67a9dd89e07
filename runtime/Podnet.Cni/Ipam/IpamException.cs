namespace Podnet.Cni.Ipam;

/// <summary>An IPAM failure with the CNI error code the command loop reports for it.</summary>
public sealed class IpamException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="cniErrorCode">One of <see cref="IpamErrorCode"/>.</param>
    /// <param name="message">The message; for failures the reference shares, the reference's text.</param>
    /// <param name="innerException">The cause, if any.</param>
    public IpamException(int cniErrorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        CniErrorCode = cniErrorCode;
    }

    /// <summary>Creates an I/O error.</summary>
    public IpamException()
        : this(IpamErrorCode.IOFailure, "IPAM failure")
    {
    }

    /// <summary>Creates an I/O error with a message.</summary>
    public IpamException(string message)
        : this(IpamErrorCode.IOFailure, message)
    {
    }

    /// <summary>Creates an I/O error with a message and cause.</summary>
    public IpamException(string message, Exception innerException)
        : this(IpamErrorCode.IOFailure, message, innerException)
    {
    }

    /// <summary>The CNI error code (see <see cref="IpamErrorCode"/>).</summary>
    public int CniErrorCode { get; }
}
