namespace Podnet.Netlink.Netfilter;

/// <summary>"bitwise": <c>dreg = (sreg &amp; mask) ^ xor</c> over <see cref="Length"/> bytes (a prefix match masks first).</summary>
[NetlinkAttributeSet]
public sealed partial class BitwiseExpressionData : ExpressionData
{
    /// <summary>The expression name.</summary>
    public const string ExpressionName = "bitwise";

    /// <inheritdoc/>
    public override string Name => ExpressionName;

    /// <summary><c>NFTA_BITWISE_SREG</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? SourceRegister { get; set; }

    /// <summary><c>NFTA_BITWISE_DREG</c>.</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? DestinationRegister { get; set; }

    /// <summary><c>NFTA_BITWISE_LEN</c>.</summary>
    [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Length { get; set; }

    /// <summary><c>NFTA_BITWISE_MASK</c>.</summary>
    [NetlinkAttribute(4)]
    public DataValue? Mask { get; set; }

    /// <summary><c>NFTA_BITWISE_XOR</c>.</summary>
    [NetlinkAttribute(5)]
    public DataValue? Xor { get; set; }

    /// <summary><c>NFTA_BITWISE_OP</c>: 0 = mask-and-xor (the default when absent), 1 = left shift, 2 = right shift.</summary>
    [NetlinkAttribute(6, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Operation { get; set; }
}
