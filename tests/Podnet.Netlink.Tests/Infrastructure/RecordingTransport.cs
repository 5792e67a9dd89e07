namespace Podnet.Netlink.Tests.Infrastructure;

/// <summary>Wraps the real kernel transport and records the header of every message received, to see what the kernel sent.</summary>
internal sealed class RecordingTransport(INetlinkTransport inner) : INetlinkTransport
{
    public List<NetlinkMessageHeader> Received { get; } = [];

    public uint PortId => inner.PortId;

    public void Send(ReadOnlySpan<byte> datagram) => inner.Send(datagram);

    public int Receive(ref byte[] buffer)
    {
        int length = inner.Receive(ref buffer);
        var reader = new NetlinkMessageReader(buffer.AsSpan(0, length));
        while (reader.TryRead(out NetlinkMessageHeader header, out _))
        {
            Received.Add(header);
        }

        return length;
    }

    public bool WaitForData(int timeoutMilliseconds) => inner.WaitForData(timeoutMilliseconds);

    public void SetMembership(uint group, bool member) => inner.SetMembership(group, member);

    public void Dispose() => inner.Dispose();
}
