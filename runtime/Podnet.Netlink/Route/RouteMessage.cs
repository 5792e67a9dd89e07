using System.Net;
using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

/// <summary>A route (<c>RTM_NEWROUTE</c>/<c>RTM_DELROUTE</c>/<c>RTM_GETROUTE</c>): <c>rtmsg</c> + <c>RTA_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.NewRoute, RouteMessageType.DeleteRoute, RouteMessageType.GetRoute)]
public sealed partial class RouteMessage
{
    /// <summary>The <c>rtmsg</c> header.</summary>
    [NetlinkHeader]
    public RouteHeader Header { get; set; }

    /// <summary>The routing table the route is in: <c>RTA_TABLE</c> when present, else the header's 8-bit field.</summary>
    public uint TableId => Table ?? Header.Table;

    /// <summary>The destination as a network (<c>0.0.0.0/0</c> or <c>::/0</c> for a default route).</summary>
    public IPNetwork DestinationNetwork =>
        new(Destination ?? (Header.Family == RouteAddressFamily.Inet6 ? IPAddress.IPv6Any : IPAddress.Any), Header.DestinationLength);

    /// <summary>Who installed the route (<c>rtm_protocol</c>: kernel, boot, static, or an owner number such as podnet's 98).</summary>
    public byte Protocol => Header.Protocol;

    /// <summary>The address family (<c>rtm_family</c>).</summary>
    public RouteAddressFamily Family => Header.Family;

    /// <summary>The destination prefix length (<c>rtm_dst_len</c>; 0 for a default route).</summary>
    public int DestinationLength => Header.DestinationLength;

    /// <summary>The scope (<c>rtm_scope</c>).</summary>
    public RouteScope Scope => Header.Scope;

    /// <summary>The route type (<c>rtm_type</c>).</summary>
    public RouteType Type => Header.Type;

    /// <summary><c>RTA_DST</c>: destination prefix address (absent = default route).</summary>
    [NetlinkAttribute(1)]
    public IPAddress? Destination { get; set; }

    /// <summary><c>RTA_SRC</c>.</summary>
    [NetlinkAttribute(2)]
    public IPAddress? Source { get; set; }

    /// <summary><c>RTA_IIF</c>.</summary>
    [NetlinkAttribute(3)]
    public int? InputInterface { get; set; }

    /// <summary><c>RTA_OIF</c>: output interface index.</summary>
    [NetlinkAttribute(4)]
    public int? OutputInterface { get; set; }

    /// <summary><c>RTA_GATEWAY</c>.</summary>
    [NetlinkAttribute(5)]
    public IPAddress? Gateway { get; set; }

    /// <summary><c>RTA_PRIORITY</c>: the metric.</summary>
    [NetlinkAttribute(6)]
    public uint? Priority { get; set; }

    /// <summary><c>RTA_PREFSRC</c>: preferred source address.</summary>
    [NetlinkAttribute(7)]
    public IPAddress? PreferredSource { get; set; }

    /// <summary><c>RTA_METRICS</c>: nested <c>RTAX_*</c>.</summary>
    [NetlinkAttribute(8)]
    public RouteMetrics? Metrics { get; set; }

    /// <summary><c>RTA_CACHEINFO</c>.</summary>
    [NetlinkAttribute(12)]
    public byte[]? CacheInfo { get; set; }

    /// <summary><c>RTA_TABLE</c>: the full 32-bit table id.</summary>
    [NetlinkAttribute(15)]
    public uint? Table { get; set; }

    /// <summary><c>RTA_MARK</c>.</summary>
    [NetlinkAttribute(16)]
    public uint? Mark { get; set; }

    /// <summary><c>RTA_PREF</c>: IPv6 router preference.</summary>
    [NetlinkAttribute(20)]
    public byte? Preference { get; set; }
}

/// <summary><c>struct rtmsg</c>: the fixed header of route messages (12 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RouteHeader
{
    /// <summary><c>rtm_family</c>.</summary>
    public RouteAddressFamily Family { get; set; }

    /// <summary><c>rtm_dst_len</c>: destination prefix length.</summary>
    public byte DestinationLength { get; set; }

    /// <summary><c>rtm_src_len</c>.</summary>
    public byte SourceLength { get; set; }

    /// <summary><c>rtm_tos</c>.</summary>
    public byte Tos { get; set; }

    /// <summary><c>rtm_table</c> (tables above 255 use <c>RTA_TABLE</c>).</summary>
    public byte Table { get; set; }

    /// <summary><c>rtm_protocol</c>: who installed the route (<c>RTPROT_*</c>, or a private number).</summary>
    public byte Protocol { get; set; }

    /// <summary><c>rtm_scope</c>.</summary>
    public RouteScope Scope { get; set; }

    /// <summary><c>rtm_type</c>.</summary>
    public RouteType Type { get; set; }

    /// <summary><c>rtm_flags</c>.</summary>
    public uint Flags { get; set; }
}

/// <summary><c>RTA_METRICS</c>: per-route metrics (<c>RTAX_*</c>).</summary>
[NetlinkAttributeSet]
public sealed partial class RouteMetrics
{
    /// <summary><c>RTAX_MTU</c>.</summary>
    [NetlinkAttribute(2)]
    public uint? Mtu { get; set; }

    /// <summary><c>RTAX_ADVMSS</c>.</summary>
    [NetlinkAttribute(8)]
    public uint? AdvertisedMss { get; set; }

    /// <summary><c>RTAX_HOPLIMIT</c>.</summary>
    [NetlinkAttribute(10)]
    public uint? HopLimit { get; set; }
}

/// <summary>Route types (<c>RTN_*</c>).</summary>
public enum RouteType : byte
{
    /// <summary><c>RTN_UNSPEC</c>.</summary>
    Unspecified = 0,

    /// <summary><c>RTN_UNICAST</c>: a gateway or direct route.</summary>
    Unicast = 1,

    /// <summary><c>RTN_LOCAL</c>: an address of this host.</summary>
    Local = 2,

    /// <summary><c>RTN_BROADCAST</c>.</summary>
    Broadcast = 3,

    /// <summary><c>RTN_ANYCAST</c>.</summary>
    Anycast = 4,

    /// <summary><c>RTN_MULTICAST</c>.</summary>
    Multicast = 5,

    /// <summary><c>RTN_BLACKHOLE</c>.</summary>
    Blackhole = 6,

    /// <summary><c>RTN_UNREACHABLE</c>.</summary>
    Unreachable = 7,

    /// <summary><c>RTN_PROHIBIT</c>.</summary>
    Prohibit = 8,
}
