namespace Podnet.Netlink;

/// <summary>
/// Moves whole datagrams to and from the kernel. <see cref="NetlinkSocket"/> does framing, sequencing and error
/// handling over it. The real one is an <c>AF_NETLINK</c> socket (<see cref="NetlinkSocket.Open(NetlinkProtocol)"/>);
/// tests substitute a scripted datagram source with <see cref="NetlinkSocket.Over"/> (the
/// <c>Podnet.Netlink.Testing</c> package has a fake kernel, <c>ScriptedTransport</c>).
/// </summary>
public interface INetlinkTransport : IDisposable
{
    /// <summary>The port id the kernel assigned to this socket (<c>nl_pid</c>).</summary>
    uint PortId { get; }

    /// <summary>Sends one datagram to the kernel.</summary>
    void Send(ReadOnlySpan<byte> datagram);

    /// <summary>
    /// Blocks for the next datagram and receives it whole, replacing <paramref name="buffer"/> with a larger one
    /// when the datagram would not fit.
    /// </summary>
    /// <returns>The datagram's length.</returns>
    int Receive(ref byte[] buffer);

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> (-1: forever) for a datagram to arrive.</summary>
    bool WaitForData(int timeoutMilliseconds);

    /// <summary>Joins or leaves a multicast group.</summary>
    void SetMembership(uint group, bool member);
}
