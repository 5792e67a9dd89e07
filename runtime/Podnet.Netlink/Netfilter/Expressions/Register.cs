namespace Podnet.Netlink.Netfilter;

/// <summary>
/// nf_tables registers (<c>enum nft_registers</c>). <see cref="Register1"/>…<see cref="Register4"/> are the
/// 16-byte registers nft uses for matches; the 4-byte <c>NFT_REG32_*</c> registers start at 8.
/// </summary>
public enum Register : uint
{
    /// <summary><c>NFT_REG_VERDICT</c>.</summary>
    Verdict = 0,

    /// <summary><c>NFT_REG_1</c>.</summary>
    Register1 = 1,

    /// <summary><c>NFT_REG_2</c>.</summary>
    Register2 = 2,

    /// <summary><c>NFT_REG_3</c>.</summary>
    Register3 = 3,

    /// <summary><c>NFT_REG_4</c>.</summary>
    Register4 = 4,
}
