using System.Net;
using System.Net.Sockets;
using System.Text;
using Podnet.Netlink;

namespace Podnet.Demo;

/// <summary>
/// Sends one UDP datagram from every pod to every pod and records the source address the receiver saw. Sockets are
/// created on threads inside each pod's namespace, so the traffic really crosses veths, bridges and node routes.
/// </summary>
internal sealed class ReachabilityProbe : IDisposable
{
    private const int Port = 7777;
    private readonly Dictionary<DemoPod, Socket> _listeners = [];

    public ReachabilityProbe(IReadOnlyList<DemoPod> pods)
    {
        foreach (DemoPod pod in pods)
        {
            _listeners[pod] = NetworkNamespace.RunInNamespace(pod.NamespacePath, () =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 2000 };
                socket.Bind(new IPEndPoint(pod.Address!, Port));
                return socket;
            });
        }
    }

    /// <summary>The source address <paramref name="to"/> saw for a datagram from <paramref name="from"/>, or null when none arrived.</summary>
    public IPAddress? Probe(DemoPod from, DemoPod to)
    {
        string token = $"{from.Name}->{to.Name}:{Guid.NewGuid():N}";
        NetworkNamespace.RunInNamespace(from.NamespacePath, () =>
        {
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            sender.SendTo(Encoding.UTF8.GetBytes(token), new IPEndPoint(to.Address!, Port));
        });

        Socket listener = _listeners[to];
        byte[] buffer = new byte[512];
        DateTime deadline = DateTime.UtcNow.AddSeconds(3);
        while (DateTime.UtcNow < deadline)
        {
            EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
            int received;
            try
            {
                received = listener.ReceiveFrom(buffer, ref remote);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                return null;
            }

            if (Encoding.UTF8.GetString(buffer, 0, received) == token)
            {
                return ((IPEndPoint)remote).Address;
            }
        }

        return null;
    }

    public void Dispose()
    {
        foreach (Socket socket in _listeners.Values)
        {
            socket.Dispose();
        }
    }
}
