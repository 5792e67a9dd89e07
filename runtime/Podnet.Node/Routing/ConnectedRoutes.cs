using System.Net;
using System.Net.Sockets;
using Podnet.Netlink.Route;

namespace Podnet.Node.Routing;

/// <summary>
/// Longest-prefix matching over a dump of the main routing table, so that checking 1,000 peers costs no kernel
/// round trip when a peer's address is plainly on a connected subnet. Anything less clear-cut is left to the
/// kernel's own lookup (<c>RTM_GETROUTE</c>), which also applies policy rules.
/// </summary>
public sealed class ConnectedRoutes
{
    // Prefix lengths present in the table, longest first, each with its routes keyed by network address.
    private readonly List<(int Length, Dictionary<IPAddress, RouteMessage> Routes)> _byLength;

    public ConnectedRoutes(IEnumerable<RouteMessage> mainTable)
    {
        var byLength = new SortedDictionary<int, Dictionary<IPAddress, RouteMessage>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (RouteMessage route in mainTable.Where(r => r.Type == RouteType.Unicast))
        {
            int length = route.DestinationLength;
            IPAddress network = route.Destination ?? (route.Family == RouteAddressFamily.Inet6 ? IPAddress.IPv6Any : IPAddress.Any);
            if (!byLength.TryGetValue(length, out Dictionary<IPAddress, RouteMessage>? routes))
            {
                byLength[length] = routes = [];
            }

            // Several routes for one prefix (other metrics): the first one the kernel listed wins, as in a lookup.
            routes.TryAdd(InterfaceAddress.Mask(network, length), route);
        }

        _byLength = [.. byLength.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>
    /// The output interface when the most specific route covering <paramref name="address"/> is directly connected
    /// (no gateway); <see langword="null"/> when it is not, or when no route covers it.
    /// </summary>
    public int? OnLinkInterface(IPAddress address)
    {
        AddressFamily family = address.AddressFamily;
        foreach ((int length, Dictionary<IPAddress, RouteMessage> routes) in _byLength)
        {
            if (length > (family == AddressFamily.InterNetworkV6 ? 128 : 32) ||
                !routes.TryGetValue(InterfaceAddress.Mask(address, length), out RouteMessage? route) ||
                route.Destination is { } d && d.AddressFamily != family)
            {
                continue;
            }

            return route.Gateway is null && route.OutputInterface is { } index ? index : null;
        }

        return null;
    }
}
