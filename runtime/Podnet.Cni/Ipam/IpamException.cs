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

/// <summary>
/// The CNI error codes an <see cref="IpamException"/> carries. The reference <c>host-local</c>
/// plugin reports every failure as code 999; podnet gives each failure class its own code so a
/// runtime (or a person) can tell a bad configuration from an exhausted range.
/// </summary>
public static class IpamErrorCode
{
    /// <summary>4: the container ID or interface name is not valid (CNI_CONTAINERID, CNI_IFNAME).</summary>
    public const int InvalidEnvironment = CniErrorCode.InvalidEnvironment;

    /// <summary>5: the store could not be read or written (permissions, disk, a symlinked directory).</summary>
    public const int IOFailure = CniErrorCode.IOFailure;

    /// <summary>7: the IPAM configuration (ranges, network name) is invalid.</summary>
    public const int InvalidNetworkConfig = CniErrorCode.InvalidNetworkConfig;

    /// <summary>50 (STATUS only): the store is not writable or a range set has no free address.</summary>
    public const int PluginNotAvailable = CniErrorCode.PluginNotAvailable;

    /// <summary>101: "no IP addresses available in range set" — every address of a range set is taken.</summary>
    public const int AddressesExhausted = CniErrorCode.AddressesExhausted;

    /// <summary>110: a requested IP is taken, is the gateway, or lies in no range set.</summary>
    public const int RequestedAddressUnavailable = 110;

    /// <summary>111: the attachment already holds an address in the range set (a repeated ADD).</summary>
    public const int DuplicateAllocation = 111;
}
