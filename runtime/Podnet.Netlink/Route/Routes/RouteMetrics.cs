namespace Podnet.Netlink.Route;

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
