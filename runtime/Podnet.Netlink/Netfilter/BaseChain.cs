namespace Podnet.Netlink.Netfilter;

/// <summary>A base chain Podnet owns: where it lives and where it hooks into the stack.</summary>
/// <param name="Family">The table's family.</param>
/// <param name="Table">The table's name.</param>
/// <param name="Name">The chain's name.</param>
/// <param name="Type">The chain type: "filter" or "nat".</param>
/// <param name="Hook">The hook it is attached to.</param>
/// <param name="Priority">Its priority on the hook.</param>
public sealed record BaseChain(NetfilterFamily Family, string Table, string Name, string Type, NetfilterHook Hook, int Priority)
{
    /// <summary>The table Podnet keeps its chains in, in every family.</summary>
    public const string PodnetTable = "podnet";

    /// <summary>
    /// <c>table inet podnet { chain postrouting { type nat hook postrouting priority srcnat; } }</c>: masquerading of
    /// pod traffic that leaves the pod network (IPv4 and IPv6 in one table; rules match <c>meta nfproto</c>).
    /// </summary>
    public static BaseChain Masquerade { get; } =
        new(NetfilterFamily.Inet, PodnetTable, "postrouting", "nat", NetfilterHook.PostRouting, ChainPriority.SourceNat);

    /// <summary>
    /// <c>table inet podnetd { chain postrouting { type nat hook postrouting priority srcnat; } }</c>: the node agent's
    /// masquerading of traffic from the node's pod subnet to destinations outside the cluster's pod networks. A table
    /// of its own, so the plugin's per-pod rules and the agent's never touch each other.
    /// </summary>
    public static BaseChain AgentMasquerade { get; } =
        new(NetfilterFamily.Inet, "podnetd", "postrouting", "nat", NetfilterHook.PostRouting, ChainPriority.SourceNat);

    /// <summary>
    /// <c>table bridge podnet { chain prerouting { type filter hook prerouting priority filter; } }</c>: frames entering
    /// the bridge from a pod's host-side veth, checked for a forged source MAC.
    /// </summary>
    public static BaseChain MacSpoofCheck { get; } =
        new(NetfilterFamily.Bridge, PodnetTable, "prerouting", "filter", NetfilterHook.PreRouting, ChainPriority.BridgeFilter);

    /// <summary>The <c>NFT_MSG_NEWTABLE</c> body that creates the table if it is missing (what <c>nft add table</c> sends).</summary>
    public TableMessage ToTableMessage() => new() { Header = new NetfilterGenericHeader(Family), Name = Table, Flags = 0 };

    /// <summary>The <c>NFT_MSG_NEWCHAIN</c> body that creates the chain if it is missing (what <c>nft add chain</c> sends).</summary>
    public ChainMessage ToChainMessage() => new()
    {
        Header = new NetfilterGenericHeader(Family),
        Table = Table,
        Name = Name,
        Type = Type,
        Hook = new ChainHook { Number = Hook, Priority = Priority },
    };

    /// <summary>A rule body for this chain.</summary>
    public RuleMessage ToRuleMessage(ExpressionList? expressions = null, byte[]? userData = null, ulong? handle = null) => new()
    {
        Header = new NetfilterGenericHeader(Family),
        Table = Table,
        Chain = Name,
        Handle = handle,
        Expressions = expressions,
        UserData = userData,
    };
}
