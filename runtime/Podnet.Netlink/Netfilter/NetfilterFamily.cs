namespace Podnet.Netlink.Netfilter;

/// <summary>Netfilter address families (<c>NFPROTO_*</c> in <c>linux/netfilter.h</c>): the <c>nfgen_family</c> of a message.</summary>
public enum NetfilterFamily : byte
{
    /// <summary><c>NFPROTO_UNSPEC</c>: any family (dumps of everything, batch delimiters).</summary>
    Unspecified = 0,

    /// <summary><c>NFPROTO_INET</c>: IPv4 and IPv6 together (nft family <c>inet</c>).</summary>
    Inet = 1,

    /// <summary><c>NFPROTO_IPV4</c> (nft family <c>ip</c>).</summary>
    IPv4 = 2,

    /// <summary><c>NFPROTO_ARP</c>.</summary>
    Arp = 3,

    /// <summary><c>NFPROTO_NETDEV</c>.</summary>
    Netdev = 5,

    /// <summary><c>NFPROTO_BRIDGE</c>: frames crossing a Linux bridge.</summary>
    Bridge = 7,

    /// <summary><c>NFPROTO_IPV6</c> (nft family <c>ip6</c>).</summary>
    IPv6 = 10,
}
