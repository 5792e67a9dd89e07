namespace Podnet.Netlink.Netfilter;

/// <summary>"lookup": matches when a register's value is (or, inverted, is not) an element of a named set.</summary>
[NetlinkAttributeSet]
public sealed partial class LookupExpressionData : ExpressionData
{
    /// <summary>The expression name.</summary>
    public const string ExpressionName = "lookup";

    /// <inheritdoc/>
    public override string Name => ExpressionName;

    /// <summary><c>NFTA_LOOKUP_SET</c>: the set's name.</summary>
    [NetlinkAttribute(1)]
    public string? Set { get; set; }

    /// <summary><c>NFTA_LOOKUP_SREG</c>.</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? SourceRegister { get; set; }

    /// <summary><c>NFTA_LOOKUP_DREG</c>: for a map, where the mapped value goes.</summary>
    [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Register? DestinationRegister { get; set; }

    /// <summary><c>NFTA_LOOKUP_SET_ID</c>: a set created earlier in the same batch.</summary>
    [NetlinkAttribute(4, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? SetId { get; set; }

    /// <summary><c>NFTA_LOOKUP_FLAGS</c>: 1 = <c>NFT_LOOKUP_F_INV</c> (match when absent).</summary>
    [NetlinkAttribute(5, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Flags { get; set; }
}
