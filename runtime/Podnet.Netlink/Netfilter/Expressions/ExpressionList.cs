namespace Podnet.Netlink.Netfilter;

/// <summary><c>NFTA_RULE_EXPRESSIONS</c>: one <c>NFTA_LIST_ELEM</c> per expression, run in order.</summary>
[NetlinkAttributeSet]
public sealed partial class ExpressionList
{
    /// <summary><c>NFTA_LIST_ELEM</c>, repeated.</summary>
    [NetlinkAttribute(1, Repeated = true)]
    public List<Expression> Elements { get; set; } = [];
}
