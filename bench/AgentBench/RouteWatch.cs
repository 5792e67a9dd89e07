using System.Diagnostics;
using System.Net;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.AgentBench;

/// <summary>
/// Follows the protocol-98 IPv4 routes of a namespace's main table through route notifications (subscribed before
/// anything is measured), stamping each change with <see cref="Stopwatch.GetTimestamp"/> on arrival. If the kernel
/// drops notifications (ENOBUFS) it re-reads the table with a dump and counts the overflow.
/// </summary>
internal sealed class RouteWatch : IDisposable
{
    private const uint Ipv4RouteGroup = 7;
    private const byte OwnerProtocol = 98;
    private readonly string _netnsPath;
    private readonly NetlinkSocket _socket;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private readonly Dictionary<IPNetwork, (IPAddress? Gateway, long Stamp)> _routes = [];
    private readonly Dictionary<IPNetwork, long> _removed = [];
    private readonly CancellationToken _cancellation;
    private Exception? _failure;
    private volatile bool _stopping;

    public RouteWatch(string netnsPath, CancellationToken cancellation)
    {
        _netnsPath = netnsPath;
        _cancellation = cancellation;
        _socket = NetworkNamespace.OpenSocket(netnsPath, NetlinkProtocol.Route);
        _socket.Subscribe(Ipv4RouteGroup);
        Resynchronise();
        _thread = new Thread(Run) { IsBackground = true, Name = "route watch" };
        _thread.Start();
    }

    /// <summary>How often notifications were lost and the table was dumped instead.</summary>
    public int Overflows { get; private set; }

    /// <summary>The number of protocol-98 routes now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _routes.Count;
            }
        }
    }

    /// <summary>Waits until there are exactly <paramref name="count"/> routes; returns the stamp of the change that made it so.</summary>
    public long WaitForCount(int count, TimeSpan timeout) => Wait(() => _routes.Count != count ? null : count == 0 ? Stopwatch.GetTimestamp() : _routes.Values.Max(r => r.Stamp), timeout, $"{count} routes");

    /// <summary>Waits until a route to <paramref name="destination"/> exists; returns the stamp of its notification.</summary>
    public long WaitForRoute(IPNetwork destination, TimeSpan timeout) =>
        Wait(() => _routes.TryGetValue(destination, out var r) ? r.Stamp : null, timeout, $"a route to {destination}");

    /// <summary>Waits until the route to <paramref name="destination"/> is gone; returns the stamp of its removal.</summary>
    public long WaitForRemoval(IPNetwork destination, TimeSpan timeout) =>
        Wait(() => !_routes.ContainsKey(destination) && _removed.TryGetValue(destination, out long stamp) ? stamp : null, timeout, $"the removal of {destination}");

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }

    private long Wait(Func<long?> done, TimeSpan timeout, string what)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            while (true)
            {
                if (done() is { } stamp)
                {
                    return stamp;
                }

                _cancellation.ThrowIfCancellationRequested();
                if (_failure is { } failure)
                {
                    throw new InvalidOperationException($"watching routes failed: {failure.Message}", failure);
                }

                long left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0)
                {
                    throw new TimeoutException($"no {what} within {timeout.TotalSeconds:0.#} s ({_routes.Count} routes present)");
                }

                Monitor.Wait(_gate, TimeSpan.FromSeconds(Math.Min(0.2, (double)left / Stopwatch.Frequency)));
            }
        }
    }

    private void Run()
    {
        try
        {
            while (!_stopping)
            {
                try
                {
                    _socket.TryReceive(Handle, TimeSpan.FromMilliseconds(100));
                }
                catch (Exception e) when (e is NetlinkException { Errno: Errno.ENOBUFS } or SystemCallException { Errno: Errno.ENOBUFS })
                {
                    // A burst overflowed the socket buffer: notifications were lost, the table is read instead.
                    Overflows++;
                    Resynchronise();
                }
            }
        }
        catch (Exception e)
        {
            // Reported by the next wait: an exception escaping this thread would end the process before the
            // namespace and etcd are removed.
            lock (_gate)
            {
                _failure = e;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Handle(ushort type, ushort flags, ReadOnlySpan<byte> body)
    {
        if (type is not (RouteMessageType.NewRoute or RouteMessageType.DeleteRoute))
        {
            return;
        }

        long stamp = Stopwatch.GetTimestamp();
        RouteMessage route = RouteMessage.Read(body);
        if (route.Protocol != OwnerProtocol || route.TableId != RouteSpec.MainTable)
        {
            return;
        }

        lock (_gate)
        {
            IPNetwork destination = route.DestinationNetwork;
            if (type == RouteMessageType.NewRoute)
            {
                _routes[destination] = (route.Gateway, stamp);
            }
            else
            {
                _routes.Remove(destination);
                _removed[destination] = stamp;
            }

            Monitor.PulseAll(_gate);
        }
    }

    private void Resynchronise()
    {
        using Rtnetlink netlink = Rtnetlink.OpenIn(_netnsPath);
        List<RouteMessage> table = netlink.Routes.List(RouteAddressFamily.Inet);
        long stamp = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var seen = new HashSet<IPNetwork>();
            foreach (RouteMessage route in table.Where(r => r.Protocol == OwnerProtocol && r.TableId == RouteSpec.MainTable))
            {
                seen.Add(route.DestinationNetwork);
                if (!_routes.TryGetValue(route.DestinationNetwork, out var known) || !Equals(known.Gateway, route.Gateway))
                {
                    _routes[route.DestinationNetwork] = (route.Gateway, stamp);
                }
            }

            foreach (IPNetwork gone in _routes.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _routes.Remove(gone);
                _removed[gone] = stamp;
            }

            Monitor.PulseAll(_gate);
        }
    }
}
