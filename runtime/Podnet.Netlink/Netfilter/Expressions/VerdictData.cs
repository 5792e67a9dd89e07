namespace Podnet.Netlink.Netfilter;

/// <summary><c>NFTA_DATA_VERDICT</c>: a verdict code and, for jump/goto, the target chain (<c>NFTA_VERDICT_*</c>).</summary>
[NetlinkAttributeSet]
public sealed partial class VerdictData
{
    /// <summary><c>NFTA_VERDICT_CODE</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Verdict? Code { get; set; }

    /// <summary><c>NFTA_VERDICT_CHAIN</c>: the chain of a jump or goto.</summary>
    [NetlinkAttribute(2)]
    public string? Chain { get; set; }
}
