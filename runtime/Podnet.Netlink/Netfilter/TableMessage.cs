namespace Podnet.Netlink.Netfilter;

/// <summary>An nf_tables table (<c>NFT_MSG_NEWTABLE</c>/<c>GETTABLE</c>/<c>DELTABLE</c>): <c>nfgenmsg</c> + <c>NFTA_TABLE_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Netfilter, NftablesMessageType.NewTable, NftablesMessageType.GetTable, NftablesMessageType.DeleteTable)]
public sealed partial class TableMessage
{
    /// <summary>The <c>nfgenmsg</c> header; its family is the table's family.</summary>
    [NetlinkHeader]
    public NetfilterGenericHeader Header { get; set; }

    /// <summary><c>NFTA_TABLE_NAME</c>.</summary>
    [NetlinkAttribute(1)]
    public string? Name { get; set; }

    /// <summary><c>NFTA_TABLE_FLAGS</c>: <c>NFT_TABLE_F_*</c> (dormant = 1, owner = 2).</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Flags { get; set; }

    /// <summary><c>NFTA_TABLE_USE</c>: number of chains (read-only).</summary>
    [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Use { get; set; }

    /// <summary><c>NFTA_TABLE_HANDLE</c>.</summary>
    [NetlinkAttribute(4, ByteOrder = NetlinkByteOrder.BigEndian)]
    public ulong? Handle { get; set; }

    /// <summary><c>NFTA_TABLE_USERDATA</c>.</summary>
    [NetlinkAttribute(6)]
    public byte[]? UserData { get; set; }

    /// <summary><c>NFTA_TABLE_OWNER</c>: port id of the owning socket (with <c>NFT_TABLE_F_OWNER</c>).</summary>
    [NetlinkAttribute(7, ByteOrder = NetlinkByteOrder.BigEndian)]
    public uint? Owner { get; set; }
}
