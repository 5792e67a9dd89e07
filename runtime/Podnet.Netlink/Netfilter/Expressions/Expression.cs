namespace Podnet.Netlink.Netfilter;

/// <summary>One nf_tables expression (<c>NFTA_EXPR_*</c>): its name and the name-specific data.</summary>
[NetlinkAttributeSet]
public sealed partial class Expression
{
    /// <summary><c>NFTA_EXPR_NAME</c>: "payload", "cmp", "meta", "bitwise", "immediate", "masq", …</summary>
    [NetlinkAttribute(1)]
    public string? Name { get; set; }

    /// <summary><c>NFTA_EXPR_DATA</c>, shaped by <see cref="Name"/>.</summary>
    [NetlinkAttribute(2)]
    [NetlinkSubMessage(nameof(Name))]
    [NetlinkSubMessageCase(PayloadExpressionData.ExpressionName, typeof(PayloadExpressionData))]
    [NetlinkSubMessageCase(CompareExpressionData.ExpressionName, typeof(CompareExpressionData))]
    [NetlinkSubMessageCase(MetaExpressionData.ExpressionName, typeof(MetaExpressionData))]
    [NetlinkSubMessageCase(BitwiseExpressionData.ExpressionName, typeof(BitwiseExpressionData))]
    [NetlinkSubMessageCase(ImmediateExpressionData.ExpressionName, typeof(ImmediateExpressionData))]
    [NetlinkSubMessageCase(MasqueradeExpressionData.ExpressionName, typeof(MasqueradeExpressionData))]
    [NetlinkSubMessageCase(LookupExpressionData.ExpressionName, typeof(LookupExpressionData))]
    public ExpressionData? Data { get; set; }

    /// <summary>Creates an expression whose name is the one its data belongs to.</summary>
    public static Expression Of(ExpressionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Expression { Name = data.Name, Data = data };
    }
}
