using System.Net;

namespace Podnet.Netlink.Route;

/// <summary>An interface address (<c>RTM_NEWADDR</c>/<c>RTM_DELADDR</c>/<c>RTM_GETADDR</c>): <c>ifaddrmsg</c> + <c>IFA_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.NewAddress, RouteMessageType.DeleteAddress, RouteMessageType.GetAddress)]
public sealed partial class AddressMessage
{
    /// <summary>The <c>ifaddrmsg</c> header.</summary>
    [NetlinkHeader]
    public InterfaceAddressHeader Header { get; set; }

    /// <summary>The index of the interface the address is on.</summary>
    public int InterfaceIndex => Header.Index;

    // IFA_LOCAL is declared (so written) before IFA_ADDRESS: the order iproute2 sends, which the golden tests pin.
    /// <summary><c>IFA_LOCAL</c>: the local address.</summary>
    [NetlinkAttribute(2)]
    public IPAddress? Local { get; set; }

    /// <summary><c>IFA_ADDRESS</c>: the prefix address (the peer on point-to-point links).</summary>
    [NetlinkAttribute(1)]
    public IPAddress? Address { get; set; }

    /// <summary><c>IFA_LABEL</c>.</summary>
    [NetlinkAttribute(3)]
    public string? Label { get; set; }

    /// <summary><c>IFA_BROADCAST</c>.</summary>
    [NetlinkAttribute(4)]
    public IPAddress? Broadcast { get; set; }

    /// <summary><c>IFA_CACHEINFO</c>: <c>struct ifa_cacheinfo</c>.</summary>
    [NetlinkAttribute(6)]
    public byte[]? CacheInfo { get; set; }

    /// <summary><c>IFA_FLAGS</c>: all <c>IFA_F_*</c> flags.</summary>
    [NetlinkAttribute(8)]
    public AddressFlags? Flags { get; set; }

    /// <summary><c>IFA_RT_PRIORITY</c>: metric of the prefix route.</summary>
    [NetlinkAttribute(9)]
    public uint? RoutePriority { get; set; }

    /// <summary><c>IFA_PROTO</c>: who added the address.</summary>
    [NetlinkAttribute(11)]
    public byte? Protocol { get; set; }
}
