namespace Podnet.Netlink.Route;

/// <summary>veth data: <c>VETH_INFO_PEER</c> holds a whole <c>ifinfomsg</c> + link attributes for the peer.</summary>
[NetlinkAttributeSet]
public sealed partial class VethLinkData : LinkKindData
{
    /// <summary><c>VETH_INFO_PEER</c>: the peer end (a nested set with a fixed header).</summary>
    [NetlinkAttribute(1)]
    public LinkMessage? Peer { get; set; }
}
