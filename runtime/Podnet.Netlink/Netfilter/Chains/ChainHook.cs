namespace Podnet.Netlink.Netfilter;

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
