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

/// <summary><c>NFTA_CHAIN_HOOK</c>: the netfilter hook and priority of a base chain (<c>NFTA_HOOK_*</c>).</summary>
[NetlinkAttributeSet]
public sealed partial class ChainHook
{
    /// <summary><c>NFTA_HOOK_HOOKNUM</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public NetfilterHook? Number { get; set; }

    /// <summary><c>NFTA_HOOK_PRIORITY</c>: lower runs first (see <see cref="ChainPriority"/>).</summary>
    [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
    public int? Priority { get; set; }

    /// <summary><c>NFTA_HOOK_DEV</c>: the device of a netdev/ingress chain.</summary>
    [NetlinkAttribute(3)]
    public string? Device { get; set; }
}

/// <summary>
/// Netfilter hooks (<c>NF_INET_*</c>; the bridge family's <c>NF_BR_*</c> use the same numbers for the five
/// common hooks).
/// </summary>
public enum NetfilterHook : uint
{
    /// <summary><c>NF_INET_PRE_ROUTING</c> / <c>NF_BR_PRE_ROUTING</c>.</summary>
    PreRouting = 0,

    /// <summary><c>NF_INET_LOCAL_IN</c>.</summary>
    LocalIn = 1,

    /// <summary><c>NF_INET_FORWARD</c>.</summary>
    Forward = 2,

    /// <summary><c>NF_INET_LOCAL_OUT</c>.</summary>
    LocalOut = 3,

    /// <summary><c>NF_INET_POST_ROUTING</c> / <c>NF_BR_POST_ROUTING</c>.</summary>
    PostRouting = 4,

    /// <summary><c>NF_INET_INGRESS</c>.</summary>
    Ingress = 5,
}

/// <summary>The named base-chain priorities of nft (<c>priority srcnat</c> and so on) as numbers.</summary>
public static class ChainPriority
{
    /// <summary><c>srcnat</c> in the ip, ip6 and inet families (<c>NF_IP_PRI_NAT_SRC</c>).</summary>
    public const int SourceNat = 100;

    /// <summary><c>dstnat</c> in the ip, ip6 and inet families (<c>NF_IP_PRI_NAT_DST</c>).</summary>
    public const int DestinationNat = -100;

    /// <summary><c>filter</c> in the ip, ip6 and inet families (<c>NF_IP_PRI_FILTER</c>).</summary>
    public const int Filter = 0;

    /// <summary><c>filter</c> in the bridge family (<c>NF_BR_PRI_FILTER_BRIDGED</c>).</summary>
    public const int BridgeFilter = -200;
}
