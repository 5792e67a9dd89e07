namespace Podnet.Netlink.Netfilter;

/// <summary>"payload": loads <see cref="Length"/> bytes at <see cref="Offset"/> of a packet header into a register.</summary>
[NetlinkAttributeSet]
public sealed partial class PayloadExpressionData : ExpressionData
{
    /// <summary>The expression name.</summary>
    public const string ExpressionName = "payload";

    /// <inheritdoc/>
    public override string Name => ExpressionName;

    /// <summary><c>NFTA_PAYLOAD_DREG</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? DestinationRegister { get; set; }

    /// <summary><c>NFTA_PAYLOAD_BASE</c>.</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public PayloadBase? Base { get; set; }

    /// <summary><c>NFTA_PAYLOAD_OFFSET</c>: bytes from the start of <see cref="Base"/>.</summary>
    [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Offset { get; set; }

    /// <summary><c>NFTA_PAYLOAD_LEN</c>: bytes to load.</summary>
    [NetlinkAttribute(4, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Length { get; set; }
}
