using System.Net;

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
