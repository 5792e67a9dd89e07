using Podnet.Netlink.Route;

namespace Podnet.Netlink.Testing;

/// <summary>
/// Runs a call against a fake kernel that ACKs everything and returns the datagram it sent, sequence and port
/// zeroed: compare it with <see cref="NetlinkCapture.Datagram"/> of what iproute2 sent for the same command.
/// </summary>
public static class RequestRecorder
{
    /// <summary>The single datagram <paramref name="call"/> sent on a <paramref name="protocol"/> socket, sequence and port zeroed.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="call"/> sent no datagram or more than one.</exception>
    public static byte[] Record(NetlinkProtocol protocol, Action<NetlinkSocket> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var transport = new ScriptedTransport(request => [request.Ack()]);
        using (NetlinkSocket socket = NetlinkSocket.Over(transport, protocol))
        {
            call(socket);
        }

        return transport.Sent.Count == 1
            ? NetlinkCapture.NormalizeSequenceAndPort(transport.Sent[0])
            : throw new InvalidOperationException($"Expected exactly one datagram, the call sent {transport.Sent.Count}.");
    }

    /// <summary>The single datagram an rtnetlink API call sent, sequence and port zeroed.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="call"/> sent no datagram or more than one.</exception>
    public static byte[] Record(Action<Rtnetlink> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Record(NetlinkProtocol.Route, socket =>
        {
            // The socket is disposed by Record; Rtnetlink only wraps it here.
            Rtnetlink rtnetlink = Rtnetlink.Over(socket);
            call(rtnetlink);
        });
    }
}
