using System.Net;
using System.Net.Sockets;
using System.Text;
using Podnet.Netlink;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>
/// One UDP datagram from one pod to another, with sockets created inside each pod's namespace, so the traffic crosses
/// the veths, bridges, node routes and the segment: returns the source address the receiver saw (null: none arrived).
/// </summary>
internal static class UdpProbe
{
    public static IPAddress? Send(string fromNetns, string toNetns, IPAddress to)
    {
        const int Port = 7777;
        using Socket listener = NetworkNamespace.RunInNamespace(toNetns, () =>
        {
            var socket = new Socket(to.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 500 };
            socket.Bind(new IPEndPoint(to, Port));
            return socket;
        });
        string token = Guid.NewGuid().ToString("N");
        byte[] buffer = new byte[256];
        for (int attempt = 0; attempt < 6; attempt++)
        {
            NetworkNamespace.RunInNamespace(fromNetns, () =>
            {
                using var sender = new Socket(to.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                sender.SendTo(Encoding.ASCII.GetBytes(token), new IPEndPoint(to, Port));
            });
            try
            {
                EndPoint remote = new IPEndPoint(to.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
                int received = listener.ReceiveFrom(buffer, ref remote);
                if (Encoding.ASCII.GetString(buffer, 0, received) == token)
                {
                    return ((IPEndPoint)remote).Address;
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                // Neighbour resolution can drop the first datagram; try again.
            }
        }

        return null;
    }
}
