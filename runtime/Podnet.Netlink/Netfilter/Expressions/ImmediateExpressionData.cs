namespace Podnet.Netlink.Netfilter;

/// <summary>"immediate": loads constant data into a register; a verdict into <see cref="Register.Verdict"/> ends the rule.</summary>
[NetlinkAttributeSet]
public sealed partial class ImmediateExpressionData : ExpressionData
{
    /// <summary>The expression name.</summary>
    public const string ExpressionName = "immediate";

    /// <inheritdoc/>
    public override string Name => ExpressionName;

    /// <summary><c>NFTA_IMMEDIATE_DREG</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? DestinationRegister { get; set; }

    /// <summary><c>NFTA_IMMEDIATE_DATA</c>: a value, or a verdict.</summary>
    [NetlinkAttribute(2)]
    public DataValue? Data { get; set; }
}
