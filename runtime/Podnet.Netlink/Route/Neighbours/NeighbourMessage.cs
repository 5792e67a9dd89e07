using System.Net;

namespace Podnet.Netlink.Route;

/// <summary>A neighbour (ARP/NDP) entry (<c>RTM_NEWNEIGH</c>/<c>RTM_DELNEIGH</c>/<c>RTM_GETNEIGH</c>): <c>ndmsg</c> + <c>NDA_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.NewNeighbour, RouteMessageType.DeleteNeighbour, RouteMessageType.GetNeighbour)]
public sealed partial class NeighbourMessage
{
    /// <summary>The <c>ndmsg</c> header.</summary>
    [NetlinkHeader]
    public NeighbourHeader Header { get; set; }

    /// <summary><c>NDA_DST</c>: the neighbour's IP address.</summary>
    [NetlinkAttribute(1)]
    public IPAddress? Destination { get; set; }

    /// <summary><c>NDA_LLADDR</c>: the neighbour's link-layer address.</summary>
    [NetlinkAttribute(2)]
    public MacAddress? LinkLayerAddress { get; set; }

    /// <summary><c>NDA_CACHEINFO</c>: <c>struct nda_cacheinfo</c> (confirmed, used, updated, refcnt), read-only.</summary>
    [NetlinkAttribute(3)]
    public byte[]? CacheInfo { get; set; }

    /// <summary><c>NDA_PROBES</c>: probes sent so far, read-only.</summary>
    [NetlinkAttribute(4)]
    public uint? Probes { get; set; }

    /// <summary><c>NDA_VLAN</c>: VLAN of a bridge FDB entry.</summary>
    [NetlinkAttribute(5)]
    public ushort? Vlan { get; set; }

    /// <summary><c>NDA_IFINDEX</c>: in a dump request, only entries of this link (strict checking rejects <c>ndm_ifindex</c> there).</summary>
    [NetlinkAttribute(8)]
    public int? InterfaceIndex { get; set; }

    /// <summary><c>NDA_MASTER</c>: the bridge of an FDB entry (an interface index; u32 on the wire).</summary>
    [NetlinkAttribute(9)]
    public uint? Master { get; set; }
}
