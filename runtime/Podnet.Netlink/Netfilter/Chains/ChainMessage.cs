namespace Podnet.Netlink.Netfilter;

/// <summary>
/// An nf_tables chain (<c>NFT_MSG_NEWCHAIN</c>/<c>GETCHAIN</c>/<c>DELCHAIN</c>): <c>nfgenmsg</c> + <c>NFTA_CHAIN_*</c>.
/// A base chain has a <see cref="Hook"/> and a <see cref="Type"/>. Members are declared in the order nft writes them.
/// </summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Netfilter, NftablesMessageType.NewChain, NftablesMessageType.GetChain, NftablesMessageType.DeleteChain)]
public sealed partial class ChainMessage
{
    /// <summary>The <c>nfgenmsg</c> header; its family is the table's family.</summary>
    [NetlinkHeader]
    public NetfilterGenericHeader Header { get; set; }

    /// <summary><c>NFTA_CHAIN_TABLE</c>: the table's name.</summary>
    [NetlinkAttribute(1)]
    public string? Table { get; set; }

    /// <summary><c>NFTA_CHAIN_HANDLE</c>.</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public ulong? Handle { get; set; }

    /// <summary><c>NFTA_CHAIN_NAME</c>.</summary>
    [NetlinkAttribute(3)]
    public string? Name { get; set; }

    /// <summary><c>NFTA_CHAIN_TYPE</c>: "filter", "nat" or "route".</summary>
    [NetlinkAttribute(7)]
    public string? Type { get; set; }

    /// <summary><c>NFTA_CHAIN_HOOK</c>: where a base chain is attached.</summary>
    [NetlinkAttribute(4)]
    public ChainHook? Hook { get; set; }

    /// <summary><c>NFTA_CHAIN_POLICY</c>: the base chain's default verdict (accept or drop).</summary>
    [NetlinkAttribute(5, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Verdict? Policy { get; set; }

    /// <summary><c>NFTA_CHAIN_USE</c>: number of references (read-only).</summary>
    [NetlinkAttribute(6, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Use { get; set; }

    /// <summary><c>NFTA_CHAIN_FLAGS</c>: <c>NFT_CHAIN_*</c> (base = 1, hardware offload = 2, binding = 4).</summary>
    [NetlinkAttribute(10, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Flags { get; set; }

    /// <summary><c>NFTA_CHAIN_ID</c>: identifies a chain created earlier in the same batch.</summary>
    [NetlinkAttribute(11, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Id { get; set; }

    /// <summary><c>NFTA_CHAIN_USERDATA</c>.</summary>
    [NetlinkAttribute(12)]
    public byte[]? UserData { get; set; }
}
