using System.Net;

namespace Podnet.Netlink.Route;

/// <summary>Route operations over rtnetlink (what <c>ip route</c> does).</summary>
public sealed class RouteTable
{
    private readonly NetlinkSocket _socket;

    internal RouteTable(NetlinkSocket socket) => _socket = socket;

    /// <summary>Adds a route; EEXIST when one with the same key exists.</summary>
    public void Add(RouteSpec route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _socket.Request(RouteMessageType.NewRoute, NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive, route.ToMessage());
    }

    /// <summary>Adds the route or replaces the one with the same key (<c>ip route replace</c>).</summary>
    public void Replace(RouteSpec route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _socket.Request(RouteMessageType.NewRoute, NetlinkMessageFlags.Create | NetlinkMessageFlags.Replace, route.ToMessage());
    }

    /// <summary>
    /// Adds or replaces every route, pipelined: many requests per datagram instead of one round trip each.
    /// Returns one entry per route, <see langword="null"/> for success or the kernel's error.
    /// </summary>
    public NetlinkException?[] ReplaceMany(IReadOnlyList<RouteSpec> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        RouteMessage[] messages = [.. routes.Select(r => r.ToMessage())];
        return _socket.RequestMany(RouteMessageType.NewRoute, NetlinkMessageFlags.Create | NetlinkMessageFlags.Replace, messages);
    }

    /// <summary>Deletes the route; ESRCH when there is none.</summary>
    public void Delete(RouteSpec route)
    {
        ArgumentNullException.ThrowIfNull(route);
        RouteMessage message = route.ToMessage();

        // The kernel matches on the fields given; leave the scope open so any scope matches.
        message.Header = message.Header with { Scope = RouteScope.Nowhere };
        _socket.Request(RouteMessageType.DeleteRoute, NetlinkMessageFlags.None, message);
    }

    /// <summary>Deletes a route exactly as the kernel reported it (from <see cref="List"/>).</summary>
    public void Delete(RouteMessage route)
    {
        ArgumentNullException.ThrowIfNull(route);

        // Send only the key: dumped routes carry read-only attributes (cache info, expiry) a request must not.
        var key = new RouteMessage
        {
            Header = route.Header with { Scope = RouteScope.Nowhere, Flags = 0 },
            Destination = route.Destination,
            Gateway = route.Gateway,
            OutputInterface = route.OutputInterface,
            Priority = route.Priority,
            Table = route.Table,
        };
        _socket.Request(RouteMessageType.DeleteRoute, NetlinkMessageFlags.None, key);
    }

    /// <summary>Routes of a family (Inet or Inet6), optionally of one table (0 = all tables).</summary>
    public List<RouteMessage> List(RouteAddressFamily family, uint table = RouteSpec.MainTable)
    {
        var request = new RouteMessage
        {
            Header = new RouteHeader { Family = family, Table = table is > 0 and < 256 ? (byte)table : (byte)0 },
            Table = table > 0 ? table : null,
        };
        List<RouteMessage> routes;
        try
        {
            routes = _socket.DumpWithRetry(RouteMessageType.GetRoute, request);
        }
        catch (NetlinkException e) when (table > 0 && e.Errno == Errno.ENOENT)
        {
            // "FIB table does not exist": the kernel creates a table with its first route (a fresh namespace has no main table).
            return [];
        }

        return table == 0 ? routes : [.. routes.Where(r => r.TableId == table)];
    }

    /// <summary>The route the kernel would use to reach <paramref name="destination"/> (<c>ip route get</c>).</summary>
    public RouteMessage Lookup(IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        bool v6 = destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var request = new RouteMessage
        {
            Header = new RouteHeader
            {
                Family = v6 ? RouteAddressFamily.Inet6 : RouteAddressFamily.Inet,
                DestinationLength = (byte)(v6 ? 128 : 32),
            },
            Destination = destination,
        };
        return _socket.RequestReply(RouteMessageType.GetRoute, NetlinkMessageFlags.None, request);
    }
}
