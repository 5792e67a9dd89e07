namespace Podnet.Netlink.Netfilter;

/// <summary>"meta": loads packet metadata (protocol family, interface name, mark, …) into a register.</summary>
[NetlinkAttributeSet]
public sealed partial class MetaExpressionData : ExpressionData
{
    /// <summary>The expression name.</summary>
    public const string ExpressionName = "meta";

    /// <inheritdoc/>
    public override string Name => ExpressionName;

    /// <summary><c>NFTA_META_KEY</c> (nft writes it before the register).</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public MetaKey? Key { get; set; }

    /// <summary><c>NFTA_META_DREG</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? DestinationRegister { get; set; }

    /// <summary><c>NFTA_META_SREG</c>: set the metadata from a register instead.</summary>
    [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? SourceRegister { get; set; }
}
