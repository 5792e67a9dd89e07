using System.Net;
using System.Net.Sockets;

namespace Podnet.Netlink.Route;

/// <summary>A route to add, replace or delete (what <c>ip route add DST via GW dev DEV …</c> says).</summary>
public sealed record RouteSpec(IPNetwork Destination)
{
    /// <summary><c>RT_TABLE_MAIN</c>.</summary>
    public const uint MainTable = 254;

    /// <summary><c>RTPROT_BOOT</c>: what iproute2 uses when none is given.</summary>
    public const byte BootProtocol = 3;

    /// <summary><c>RTPROT_STATIC</c>.</summary>
    public const byte StaticProtocol = 4;

    /// <summary>The next hop; <see langword="null"/> for a directly connected route.</summary>
    public IPAddress? Gateway { get; init; }

    /// <summary>The output interface index; 0 lets the kernel find it from the gateway.</summary>
    public int OutputInterface { get; init; }

    /// <summary>The routing table.</summary>
    public uint Table { get; init; } = MainTable;

    /// <summary>Who owns the route (<c>rtm_protocol</c>): a private number marks routes an agent manages.</summary>
    public byte Protocol { get; init; } = BootProtocol;

    /// <summary>The scope; by default link for routes without a gateway and universe otherwise.</summary>
    public RouteScope? Scope { get; init; }

    /// <summary>The metric (<c>RTA_PRIORITY</c>).</summary>
    public uint? Metric { get; init; }

    /// <summary>The route type.</summary>
    public RouteType Type { get; init; } = RouteType.Unicast;

    /// <summary>Preferred source address.</summary>
    public IPAddress? PreferredSource { get; init; }

    /// <summary>Route MTU (<c>RTAX_MTU</c>).</summary>
    public uint? Mtu { get; init; }

    /// <summary>The address family of the destination.</summary>
    public RouteAddressFamily Family =>
        Destination.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6 ? RouteAddressFamily.Inet6 : RouteAddressFamily.Inet;

    /// <summary>Encodes the route as an rtnetlink message.</summary>
    public RouteMessage ToMessage() => new()
    {
        Header = new RouteHeader
        {
            Family = Family,
            DestinationLength = (byte)Destination.PrefixLength,
            // As iproute2 does: tables that fit go in rtm_table, others in RTA_TABLE with rtm_table = RT_TABLE_UNSPEC.
            Table = Table < 256 ? (byte)Table : (byte)0,
            Protocol = Protocol,
            Scope = Scope ?? (Gateway is null && Type == RouteType.Unicast ? RouteScope.Link : RouteScope.Universe),
            Type = Type,
        },
        Destination = Destination.PrefixLength == 0 ? null : Destination.BaseAddress,
        Gateway = Gateway,
        OutputInterface = OutputInterface == 0 ? null : OutputInterface,
        Priority = Metric,
        PreferredSource = PreferredSource,
        Table = Table < 256 ? null : Table,
        Metrics = Mtu is { } mtu ? new RouteMetrics { Mtu = mtu } : null,
    };
}
