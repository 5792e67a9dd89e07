using Podnet.Netlink.Generic;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Golden;

/// <summary>The generic netlink controller request, byte for byte against iproute2's <c>genl</c> (captured by <c>capture.sh</c>).</summary>
public sealed class GenericRequestGoldenTests
{
    [Fact]
    public void Family_resolution_matches_genl_ctrl_get_name()
    {
        NetlinkCapture golden = NetlinkCapture.Load("genl-getfamily-ethtool");
        var transport = new ScriptedTransport(request => [request.Ack()]);
        using var socket = new NetlinkSocket(transport, NetlinkProtocol.Generic);

        // The fake kernel only ACKs, so there is no family to return; the request is what is compared.
        Assert.Throws<NetlinkParseException>(() => GenericNetlink.ResolveFamily(socket, "ethtool"));

        byte[] ours = NetlinkCapture.NormalizeSequenceAndPort(Assert.Single(transport.Sent));
        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }
}
