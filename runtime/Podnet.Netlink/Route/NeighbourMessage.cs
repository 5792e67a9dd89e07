using System.Net;
using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

/// <summary>A neighbour (ARP/NDP) entry (<c>RTM_NEWNEIGH</c>/<c>RTM_DELNEIGH</c>/<c>RTM_GETNEIGH</c>): <c>ndmsg</c> + <c>NDA_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.NewNeighbour, RouteMessageType.DeleteNeighbour, RouteMessageType.GetNeighbour)]
public sealed partial class NeighbourMessage
{
    /// <summary>The <c>ndmsg</c> header.</summary>
    [NetlinkHeader]
    public NeighbourHeader Header { get; set; }

    /// <summary>The index of the link the neighbour is reached through (<c>ndm_ifindex</c>).</summary>
    public int InterfaceIndex => Header.Index;

    /// <summary>The address family (<c>ndm_family</c>).</summary>
    public RouteAddressFamily Family => Header.Family;

    /// <summary>The entry's state (<c>ndm_state</c>).</summary>
    public NeighbourState State => Header.State;

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
    public int? InterfaceFilter { get; set; }

    /// <summary><c>NDA_MASTER</c>: the bridge of an FDB entry (an interface index; u32 on the wire).</summary>
    [NetlinkAttribute(9)]
    public uint? Master { get; set; }
}

/// <summary><c>struct ndmsg</c>: the fixed header of neighbour messages (12 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NeighbourHeader
{
    /// <summary><c>ndm_family</c>: <see cref="RouteAddressFamily.Inet"/>, <see cref="RouteAddressFamily.Inet6"/> or <see cref="RouteAddressFamily.Bridge"/> (FDB).</summary>
    public RouteAddressFamily Family { get; set; }

    /// <summary><c>ndm_pad1</c>.</summary>
    public byte Padding1 { get; set; }

    /// <summary><c>ndm_pad2</c>.</summary>
    public ushort Padding2 { get; set; }

    /// <summary><c>ndm_ifindex</c>: the link the neighbour is reached through.</summary>
    public int Index { get; set; }

    /// <summary><c>ndm_state</c>: <c>NUD_*</c>.</summary>
    public NeighbourState State { get; set; }

    /// <summary><c>ndm_flags</c>: <c>NTF_*</c>.</summary>
    public byte Flags { get; set; }

    /// <summary><c>ndm_type</c>: a route type (<c>RTN_*</c>), normally <see cref="RouteType.Unicast"/> in replies.</summary>
    public RouteType Type { get; set; }
}

/// <summary>Neighbour cache entry states (<c>NUD_*</c> in <c>linux/neighbour.h</c>).</summary>
[Flags]
public enum NeighbourState : ushort
{
    /// <summary>No state.</summary>
    None = 0,

    /// <summary><c>NUD_INCOMPLETE</c>: resolution in progress.</summary>
    Incomplete = 0x01,

    /// <summary><c>NUD_REACHABLE</c>.</summary>
    Reachable = 0x02,

    /// <summary><c>NUD_STALE</c>.</summary>
    Stale = 0x04,

    /// <summary><c>NUD_DELAY</c>.</summary>
    Delay = 0x08,

    /// <summary><c>NUD_PROBE</c>.</summary>
    Probe = 0x10,

    /// <summary><c>NUD_FAILED</c>.</summary>
    Failed = 0x20,

    /// <summary><c>NUD_NOARP</c>: no resolution needed.</summary>
    NoArp = 0x40,

    /// <summary><c>NUD_PERMANENT</c>: a static entry that never expires.</summary>
    Permanent = 0x80,
}
