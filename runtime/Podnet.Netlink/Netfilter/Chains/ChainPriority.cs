namespace Podnet.Netlink.Netfilter;

/// <summary>The named base-chain priorities of nft (<c>priority srcnat</c> and so on) as numbers.</summary>
public static class ChainPriority
{
    /// <summary><c>srcnat</c> in the ip, ip6 and inet families (<c>NF_IP_PRI_NAT_SRC</c>).</summary>
    public const int SourceNat = 100;

    /// <summary><c>dstnat</c> in the ip, ip6 and inet families (<c>NF_IP_PRI_NAT_DST</c>).</summary>
    public const int DestinationNat = -100;

    /// <summary><c>filter</c> in the ip, ip6 and inet families (<c>NF_IP_PRI_FILTER</c>).</summary>
    public const int Filter = 0;

    /// <summary><c>filter</c> in the bridge family (<c>NF_BR_PRI_FILTER_BRIDGED</c>).</summary>
    public const int BridgeFilter = -200;
}
