namespace Podnet.Netlink.Netfilter;

/// <summary>
/// An nf_tables rule (<c>NFT_MSG_NEWRULE</c>/<c>GETRULE</c>/<c>DELRULE</c>): <c>nfgenmsg</c> + <c>NFTA_RULE_*</c>.
/// Members are declared in the order nft writes them.
/// </summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Netfilter, NftablesMessageType.NewRule, NftablesMessageType.GetRule, NftablesMessageType.DeleteRule)]
public sealed partial class RuleMessage
{
    /// <summary>The <c>nfgenmsg</c> header; its family is the table's family.</summary>
    [NetlinkHeader]
    public NetfilterGenericHeader Header { get; set; }

    /// <summary><c>NFTA_RULE_TABLE</c>.</summary>
    [NetlinkAttribute(1)]
    public string? Table { get; set; }

    /// <summary><c>NFTA_RULE_CHAIN</c>.</summary>
    [NetlinkAttribute(2)]
    public string? Chain { get; set; }

    /// <summary><c>NFTA_RULE_HANDLE</c>: the rule's handle, unique within its table.</summary>
    [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
    public ulong? Handle { get; set; }

    /// <summary><c>NFTA_RULE_POSITION</c>: with <c>NEWRULE</c>, the handle of the rule to insert after (or before).</summary>
    [NetlinkAttribute(6, ByteOrder = NetlinkByteOrder.BigEndian)]
    public ulong? Position { get; set; }

    /// <summary><c>NFTA_RULE_EXPRESSIONS</c>: the rule's program.</summary>
    [NetlinkAttribute(4)]
    public ExpressionList? Expressions { get; set; }

    /// <summary>
    /// <c>NFTA_RULE_USERDATA</c>: opaque to the kernel (at most 256 bytes). nft stores its comment here as a
    /// TLV; see <see cref="RuleComment"/>.
    /// </summary>
    [NetlinkAttribute(7)]
    public byte[]? UserData { get; set; }

    /// <summary><c>NFTA_RULE_ID</c>: identifies the rule within a batch.</summary>
    [NetlinkAttribute(9, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Id { get; set; }
}

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
