namespace Podnet.Netlink.Netfilter;

/// <summary>Base of the expression-specific data carried in <c>NFTA_EXPR_DATA</c>.</summary>
public abstract class ExpressionData
{
    /// <summary>The expression's name (<c>NFTA_EXPR_NAME</c>) that selects this shape.</summary>
    public abstract string Name { get; }
}
