namespace Podnet.Netlink.Netfilter;

/// <summary>
/// nfnetlink message types used with nf_tables: <c>(NFNL_SUBSYS_NFTABLES &lt;&lt; 8) | NFT_MSG_*</c>, and the batch
/// delimiters <c>NFNL_MSG_BATCH_BEGIN</c>/<c>NFNL_MSG_BATCH_END</c> (from <c>linux/netfilter/nfnetlink.h</c> and
/// <c>linux/netfilter/nf_tables.h</c>).
/// </summary>
public static class NftablesMessageType
{
    /// <summary><c>NFNL_SUBSYS_NFTABLES</c>: the subsystem id in the high byte of the type and in a batch's <c>res_id</c>.</summary>
    public const byte Subsystem = 10;

    /// <summary><c>NFNL_MSG_BATCH_BEGIN</c> (<c>NLMSG_MIN_TYPE</c>).</summary>
    public const ushort BatchBegin = 0x10;

    /// <summary><c>NFNL_MSG_BATCH_END</c>.</summary>
    public const ushort BatchEnd = 0x11;

    /// <summary><c>NFT_MSG_NEWTABLE</c>.</summary>
    public const ushort NewTable = (Subsystem << 8) | 0;

    /// <summary><c>NFT_MSG_GETTABLE</c>.</summary>
    public const ushort GetTable = (Subsystem << 8) | 1;

    /// <summary><c>NFT_MSG_DELTABLE</c>.</summary>
    public const ushort DeleteTable = (Subsystem << 8) | 2;

    /// <summary><c>NFT_MSG_NEWCHAIN</c>.</summary>
    public const ushort NewChain = (Subsystem << 8) | 3;

    /// <summary><c>NFT_MSG_GETCHAIN</c>.</summary>
    public const ushort GetChain = (Subsystem << 8) | 4;

    /// <summary><c>NFT_MSG_DELCHAIN</c>.</summary>
    public const ushort DeleteChain = (Subsystem << 8) | 5;

    /// <summary><c>NFT_MSG_NEWRULE</c>.</summary>
    public const ushort NewRule = (Subsystem << 8) | 6;

    /// <summary><c>NFT_MSG_GETRULE</c>.</summary>
    public const ushort GetRule = (Subsystem << 8) | 7;

    /// <summary><c>NFT_MSG_DELRULE</c>.</summary>
    public const ushort DeleteRule = (Subsystem << 8) | 8;

    /// <summary><c>NFT_MSG_GETGEN</c>: the ruleset generation.</summary>
    public const ushort GetGeneration = (Subsystem << 8) | 16;

    /// <summary>The symbolic name of <paramref name="type"/> for messages, for example <c>NFT_MSG_NEWRULE</c>.</summary>
    public static string GetName(ushort type) => type switch
    {
        BatchBegin => "NFNL_MSG_BATCH_BEGIN",
        BatchEnd => "NFNL_MSG_BATCH_END",
        NewTable => "NFT_MSG_NEWTABLE",
        GetTable => "NFT_MSG_GETTABLE",
        DeleteTable => "NFT_MSG_DELTABLE",
        NewChain => "NFT_MSG_NEWCHAIN",
        GetChain => "NFT_MSG_GETCHAIN",
        DeleteChain => "NFT_MSG_DELCHAIN",
        NewRule => "NFT_MSG_NEWRULE",
        GetRule => "NFT_MSG_GETRULE",
        DeleteRule => "NFT_MSG_DELRULE",
        GetGeneration => "NFT_MSG_GETGEN",
        _ => "nfnetlink message type 0x" + type.ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
    };
}
