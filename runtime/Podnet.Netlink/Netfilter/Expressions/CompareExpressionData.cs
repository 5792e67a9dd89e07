namespace Podnet.Netlink.Netfilter;

/// <summary>"cmp": compares a register with constant data; the rule stops unless the comparison holds.</summary>
[NetlinkAttributeSet]
public sealed partial class CompareExpressionData : ExpressionData
{
    /// <summary>The expression name.</summary>
    public const string ExpressionName = "cmp";

    /// <inheritdoc/>
    public override string Name => ExpressionName;

    /// <summary><c>NFTA_CMP_SREG</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? SourceRegister { get; set; }

    /// <summary><c>NFTA_CMP_OP</c>.</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public CompareOperator? Operator { get; set; }

    /// <summary><c>NFTA_CMP_DATA</c>: the constant (its length is the number of bytes compared).</summary>
    [NetlinkAttribute(3)]
    public DataValue? Data { get; set; }
}
