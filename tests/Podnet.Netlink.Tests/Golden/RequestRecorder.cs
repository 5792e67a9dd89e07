using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Golden;

/// <summary>Runs an rtnetlink API call against a fake kernel that ACKs everything and returns the datagram it sent.</summary>
internal static class RequestRecorder
{
    /// <summary>The single datagram <paramref name="call"/> sent, sequence and port zeroed.</summary>
    public static byte[] Record(Action<Rtnetlink> call)
    {
        var transport = new ScriptedTransport(request => [request.Ack()]);
        using Rtnetlink rtnetlink = Rtnetlink.Over(new NetlinkSocket(transport, NetlinkProtocol.Route));
        call(rtnetlink);
        return RouteCapture.NormalizeSequenceAndPort(Assert.Single(transport.Sent));
    }
}
