namespace Podnet.Netlink;

/// <summary>Netlink protocols (the third argument of <c>socket(AF_NETLINK, …)</c>).</summary>
public enum NetlinkProtocol
{
    /// <summary><c>NETLINK_ROUTE</c>: links, addresses, routes, neighbours.</summary>
    Route = 0,

    /// <summary><c>NETLINK_NETFILTER</c>: nftables and other netfilter subsystems.</summary>
    Netfilter = 12,

    /// <summary><c>NETLINK_GENERIC</c>.</summary>
    Generic = 16,
}
