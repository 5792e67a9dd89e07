namespace Podnet.Cni.Tests.Ipam.Support;

/// <summary>host-local exited non-zero; the message is its output (the CNI error object).</summary>
internal sealed class HostLocalException : Exception
{
    public HostLocalException()
    {
    }

    public HostLocalException(string message)
        : base(message)
    {
    }

    public HostLocalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
