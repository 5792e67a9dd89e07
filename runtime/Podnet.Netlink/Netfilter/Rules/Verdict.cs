namespace Podnet.Netlink.Netfilter;

/// <summary>Verdict codes (<c>NF_DROP</c>/<c>NF_ACCEPT</c> and the nf_tables <c>NFT_*</c> verdicts).</summary>
public enum Verdict : int
{
    /// <summary><c>NF_DROP</c>.</summary>
    Drop = 0,

    /// <summary><c>NF_ACCEPT</c>.</summary>
    Accept = 1,

    /// <summary><c>NFT_CONTINUE</c>.</summary>
    Continue = -1,

    /// <summary><c>NFT_BREAK</c>.</summary>
    Break = -2,

    /// <summary><c>NFT_JUMP</c> (with a chain name).</summary>
    Jump = -3,

    /// <summary><c>NFT_GOTO</c> (with a chain name).</summary>
    Goto = -4,

    /// <summary><c>NFT_RETURN</c>.</summary>
    Return = -5,
}
