namespace Podnet.Netlink.Route;

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
