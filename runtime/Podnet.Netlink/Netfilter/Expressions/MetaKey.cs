namespace Podnet.Netlink.Netfilter;

/// <summary>Metadata items of "meta" (<c>enum nft_meta_keys</c>; the ones Podnet uses and their neighbours).</summary>
public enum MetaKey : uint
{
    /// <summary><c>NFT_META_LEN</c>.</summary>
    Length = 0,

    /// <summary><c>NFT_META_PROTOCOL</c>: the EtherType.</summary>
    Protocol = 1,

    /// <summary><c>NFT_META_PRIORITY</c>.</summary>
    Priority = 2,

    /// <summary><c>NFT_META_MARK</c>.</summary>
    Mark = 3,

    /// <summary><c>NFT_META_IIF</c>: input interface index.</summary>
    InputInterface = 4,

    /// <summary><c>NFT_META_OIF</c>: output interface index.</summary>
    OutputInterface = 5,

    /// <summary><c>NFT_META_IIFNAME</c>: input interface name (16 bytes, NUL-padded).</summary>
    InputInterfaceName = 6,

    /// <summary><c>NFT_META_OIFNAME</c>: output interface name.</summary>
    OutputInterfaceName = 7,

    /// <summary><c>NFT_META_NFPROTO</c>: the netfilter family of the packet (2 = IPv4, 10 = IPv6).</summary>
    NetfilterProtocol = 15,

    /// <summary><c>NFT_META_L4PROTO</c>.</summary>
    TransportProtocol = 16,

    /// <summary><c>NFT_META_BRI_IIFNAME</c>: the bridge a frame entered through.</summary>
    BridgeInputInterfaceName = 17,
}
