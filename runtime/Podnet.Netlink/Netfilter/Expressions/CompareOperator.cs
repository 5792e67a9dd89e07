namespace Podnet.Netlink.Netfilter;

/// <summary>Relational operators of "cmp" (<c>enum nft_cmp_ops</c>).</summary>
public enum CompareOperator : uint
{
    /// <summary><c>NFT_CMP_EQ</c>.</summary>
    Equal = 0,

    /// <summary><c>NFT_CMP_NEQ</c>.</summary>
    NotEqual = 1,

    /// <summary><c>NFT_CMP_LT</c>.</summary>
    LessThan = 2,

    /// <summary><c>NFT_CMP_LTE</c>.</summary>
    LessThanOrEqual = 3,

    /// <summary><c>NFT_CMP_GT</c>.</summary>
    GreaterThan = 4,

    /// <summary><c>NFT_CMP_GTE</c>.</summary>
    GreaterThanOrEqual = 5,
}
