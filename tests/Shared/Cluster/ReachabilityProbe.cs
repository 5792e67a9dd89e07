using System.Net;
using System.Net.Sockets;
using System.Text;
using Podnet.Netlink;

namespace Podnet.Testing.Cluster;

/// <summary>
/// Sends one UDP datagram from every pod to every pod and records the source address the receiver saw. Sockets are
/// created on threads inside each pod's namespace, so the traffic really crosses veths, bridges and node routes.
/// </summary>
internal sealed class ReachabilityProbe : IDisposable
{
    private const int Port = 7777;
    private readonly Dictionary<SimulatedPod, Socket> _listeners = [];

    public ReachabilityProbe(IReadOnlyList<SimulatedPod> pods)
    {
        foreach (SimulatedPod pod in pods)
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
    public IPAddress? Probe(SimulatedPod from, SimulatedPod to)
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

    /// <summary>
    /// Probes every ordered pair of <paramref name="pods"/>; returns one line per pair that failed (nothing arrived, or
    /// the receiver saw another source than the sender's pod IP, i.e. NAT), empty when all reached each other.
    /// </summary>
    public static List<string> Problems(IReadOnlyList<SimulatedPod> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        using var probe = new ReachabilityProbe(pods);
        var problems = new List<string>();
        foreach (SimulatedPod from in pods)
        {
            foreach (SimulatedPod to in pods)
            {
                IPAddress? seen = probe.Probe(from, to);
                if (seen is null || !seen.Equals(from.Address))
                {
                    problems.Add($"{from.Name} ({from.Address}) -> {to.Name} ({to.Address}): {(seen is null ? "nothing arrived" : $"receiver saw source {seen} (NAT)")}");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Sends one UDP datagram from the namespace at <paramref name="fromNetns"/> to <paramref name="to"/>, received by a
    /// socket bound there in the namespace at <paramref name="toNetns"/>; returns the source address the receiver saw,
    /// or null when nothing arrived within two seconds.
    /// </summary>
    public static IPAddress? SourceSeen(string fromNetns, string toNetns, IPAddress to)
    {
        using Socket listener = NetworkNamespace.RunInNamespace(toNetns, () =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 2000 };
            socket.Bind(new IPEndPoint(to, Port + 1));
            return socket;
        });
        string token = Guid.NewGuid().ToString("N");
        NetworkNamespace.RunInNamespace(fromNetns, () =>
        {
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            sender.SendTo(Encoding.UTF8.GetBytes(token), new IPEndPoint(to, Port + 1));
        });
        byte[] buffer = new byte[512];
        while (true)
        {
            EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
            try
            {
                int received = listener.ReceiveFrom(buffer, ref remote);
                if (Encoding.UTF8.GetString(buffer, 0, received) == token)
                {
                    return ((IPEndPoint)remote).Address;
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                return null;
            }
        }
    }

    public void Dispose()
    {
        foreach (Socket socket in _listeners.Values)
        {
            socket.Dispose();
        }
    }
}
