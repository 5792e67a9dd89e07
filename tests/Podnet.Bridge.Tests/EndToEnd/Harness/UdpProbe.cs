using System.Net;
using System.Net.Sockets;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Harness;

/// <summary>
/// Sends a UDP datagram from one namespace to an address reachable from it, and reports the source address the
/// receiver saw. Each socket is created on a thread inside its namespace and stays there.
/// </summary>
public static class UdpProbe
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends from <paramref name="fromNamespacePath"/> to <paramref name="to"/>, received by a socket bound in
    /// <paramref name="toNamespacePath"/>; returns the sender address seen, or null when nothing arrived in time.
    /// The datagram is resent every 200 ms until the deadline, because the first one may wait for neighbour resolution.
    /// </summary>
    public static IPAddress? Exchange(string fromNamespacePath, string toNamespacePath, IPAddress to)
    {
        ArgumentNullException.ThrowIfNull(to);
        AddressFamily family = to.AddressFamily;
        using Socket receiver = NetworkNamespace.RunInNamespace(toNamespacePath, () =>
        {
            var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            return socket;
        });
        using Socket sender = NetworkNamespace.RunInNamespace(fromNamespacePath, () => new Socket(family, SocketType.Dgram, ProtocolType.Udp));
        int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
        byte[] payload = Guid.NewGuid().ToByteArray();
        byte[] buffer = new byte[64];
        var target = new IPEndPoint(to, port);
        DateTime deadline = DateTime.UtcNow + s_deadline;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                sender.SendTo(payload, target);
            }
            catch (SocketException)
            {
                // No route or neighbour yet (EHOSTUNREACH after failed resolution): retry until the deadline.
            }

            if (receiver.Poll(TimeSpan.FromMilliseconds(200), SelectMode.SelectRead))
            {
                EndPoint source = new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
                int length = receiver.ReceiveFrom(buffer, ref source);
                if (buffer.AsSpan(0, length).SequenceEqual(payload))
                {
                    return ((IPEndPoint)source).Address;
                }
            }
        }

        return null;
    }
}
