namespace Podnet.Netlink.Route;

/// <summary>Address families used in rtnetlink headers (<c>AF_*</c>).</summary>
public enum RouteAddressFamily : byte
{
    /// <summary><c>AF_UNSPEC</c>.</summary>
    Unspecified = 0,

    /// <summary><c>AF_INET</c>.</summary>
    Inet = 2,

    /// <summary><c>AF_BRIDGE</c>.</summary>
    Bridge = 7,

    /// <summary><c>AF_INET6</c>.</summary>
    Inet6 = 10,
}
