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

/// <summary>The header a payload offset counts from (<c>enum nft_payload_bases</c>).</summary>
public enum PayloadBase : uint
{
    /// <summary><c>NFT_PAYLOAD_LL_HEADER</c>: the link-layer (Ethernet) header.</summary>
    LinkLayer = 0,

    /// <summary><c>NFT_PAYLOAD_NETWORK_HEADER</c>: the IPv4/IPv6 header.</summary>
    Network = 1,

    /// <summary><c>NFT_PAYLOAD_TRANSPORT_HEADER</c>.</summary>
    Transport = 2,

    /// <summary><c>NFT_PAYLOAD_INNER_HEADER</c>.</summary>
    Inner = 3,
}

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

/// <summary>Relational operators of "cmp" (<c>enum nft_cmp_ops</c>).</summary>
public enum CompareOperator : uint
{
    /// <summary><c>NFT_CMP_EQ</c>.</summary>
    Equal = 0,

    /// <summary><c>NFT_CMP_NEQ</c>.</summary>
    NotEqual = 1,

    /// <summary><c>NFT_CMP_LT</c>.</summary>
    LessThan = 2,

    /// <summary><c>NFT_CMP_LTE</c>.</summary>
    LessThanOrEqual = 3,

    /// <summary><c>NFT_CMP_GT</c>.</summary>
    GreaterThan = 4,

    /// <summary><c>NFT_CMP_GTE</c>.</summary>
    GreaterThanOrEqual = 5,
}

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

/// <summary>Metadata items of "meta" (<c>enum nft_meta_keys</c>; the ones Podnet uses and their neighbours).</summary>
public enum MetaKey : uint
{
    /// <summary><c>NFT_META_LEN</c>.</summary>
    Length = 0,

    /// <summary><c>NFT_META_PROTOCOL</c>: the EtherType.</summary>
    Protocol = 1,

    /// <summary><c>NFT_META_PRIORITY</c>.</summary>
    Priority = 2,

    /// <summary><c>NFT_META_MARK</c>.</summary>
    Mark = 3,

    /// <summary><c>NFT_META_IIF</c>: input interface index.</summary>
    InputInterface = 4,

    /// <summary><c>NFT_META_OIF</c>: output interface index.</summary>
    OutputInterface = 5,

    /// <summary><c>NFT_META_IIFNAME</c>: input interface name (16 bytes, NUL-padded).</summary>
    InputInterfaceName = 6,

    /// <summary><c>NFT_META_OIFNAME</c>: output interface name.</summary>
    OutputInterfaceName = 7,

    /// <summary><c>NFT_META_NFPROTO</c>: the netfilter family of the packet (2 = IPv4, 10 = IPv6).</summary>
    NetfilterProtocol = 15,

    /// <summary><c>NFT_META_L4PROTO</c>.</summary>
    TransportProtocol = 16,

    /// <summary><c>NFT_META_BRI_IIFNAME</c>: the bridge a frame entered through.</summary>
    BridgeInputInterfaceName = 17,
}

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
