namespace Podnet.Netlink.Netfilter;

/// <summary>The header a payload offset counts from (<c>enum nft_payload_bases</c>).</summary>
public enum PayloadBase : uint
{
    /// <summary><c>NFT_PAYLOAD_LL_HEADER</c>: the link-layer (Ethernet) header.</summary>
    LinkLayer = 0,

    /// <summary><c>NFT_PAYLOAD_NETWORK_HEADER</c>: the IPv4/IPv6 header.</summary>
    Network = 1,

    /// <summary><c>NFT_PAYLOAD_TRANSPORT_HEADER</c>.</summary>
    Transport = 2,

    /// <summary><c>NFT_PAYLOAD_INNER_HEADER</c>.</summary>
    Inner = 3,
}
