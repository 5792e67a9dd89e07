namespace Podnet.Netlink.Tests.Netfilter;

/// <summary>Passes everything to a real kernel transport and keeps a copy of every datagram sent.</summary>
internal sealed class CapturingTransport(INetlinkTransport inner) : INetlinkTransport
{
    public List<byte[]> Sent { get; } = [];

    public uint PortId => inner.PortId;

    public void Send(ReadOnlySpan<byte> datagram)
    {
        Sent.Add(datagram.ToArray());
        inner.Send(datagram);
    }

    public int Receive(ref byte[] buffer) => inner.Receive(ref buffer);

    public bool WaitForData(int timeoutMilliseconds) => inner.WaitForData(timeoutMilliseconds);

    public void SetMembership(uint group, bool member) => inner.SetMembership(group, member);

    public void Dispose() => inner.Dispose();
}
