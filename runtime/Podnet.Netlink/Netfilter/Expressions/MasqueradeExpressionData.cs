namespace Podnet.Netlink.Netfilter;

/// <summary>"masq": source NAT to the address of the outgoing interface (only in a nat chain on postrouting).</summary>
[NetlinkAttributeSet]
public sealed partial class MasqueradeExpressionData : ExpressionData
{
    /// <summary>The expression name.</summary>
    public const string ExpressionName = "masq";

    /// <inheritdoc/>
    public override string Name => ExpressionName;

    /// <summary><c>NFTA_MASQ_FLAGS</c>: <c>NF_NAT_RANGE_*</c> (random, fully random, persistent).</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Flags { get; set; }

    /// <summary><c>NFTA_MASQ_REG_PROTO_MIN</c>: register holding the first port of a range.</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? ProtocolMinimumRegister { get; set; }

    /// <summary><c>NFTA_MASQ_REG_PROTO_MAX</c>: register holding the last port of a range.</summary>
    [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? ProtocolMaximumRegister { get; set; }
}
