using System.Net;
using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

/// <summary>An interface address (<c>RTM_NEWADDR</c>/<c>RTM_DELADDR</c>/<c>RTM_GETADDR</c>): <c>ifaddrmsg</c> + <c>IFA_*</c>.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, RouteMessageType.NewAddress, RouteMessageType.DeleteAddress, RouteMessageType.GetAddress)]
public sealed partial class AddressMessage
{
    /// <summary>The <c>ifaddrmsg</c> header.</summary>
    [NetlinkHeader]
    public InterfaceAddressHeader Header { get; set; }

    /// <summary>The index of the interface the address is on (<c>ifa_index</c>).</summary>
    public int InterfaceIndex => Header.Index;

    /// <summary>The address family (<c>ifa_family</c>).</summary>
    public RouteAddressFamily Family => Header.Family;

    /// <summary>The prefix length (<c>ifa_prefixlen</c>).</summary>
    public int PrefixLength => Header.PrefixLength;

    /// <summary>The scope (<c>ifa_scope</c>).</summary>
    public RouteScope Scope => Header.Scope;

    /// <summary>The address with its prefix length, as <c>ip addr</c> shows it: <see cref="Local"/> (or <see cref="Address"/>) / <see cref="PrefixLength"/>.</summary>
    public InterfaceAddress InterfaceAddress => new(Local ?? Address ?? IPAddress.None, Header.PrefixLength);

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

/// <summary><c>struct ifaddrmsg</c>: the fixed header of address messages (8 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct InterfaceAddressHeader
{
    /// <summary><c>ifa_family</c>.</summary>
    public RouteAddressFamily Family { get; set; }

    /// <summary><c>ifa_prefixlen</c>.</summary>
    public byte PrefixLength { get; set; }

    /// <summary><c>ifa_flags</c> (the low 8 bits; see <c>IFA_FLAGS</c> for all).</summary>
    public byte Flags { get; set; }

    /// <summary><c>ifa_scope</c>.</summary>
    public RouteScope Scope { get; set; }

    /// <summary><c>ifa_index</c>.</summary>
    public int Index { get; set; }
}

/// <summary>Address flags (<c>IFA_F_*</c> in <c>linux/if_addr.h</c>).</summary>
[Flags]
public enum AddressFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary><c>IFA_F_SECONDARY</c>.</summary>
    Secondary = 0x01,

    /// <summary><c>IFA_F_NODAD</c>: skip duplicate address detection.</summary>
    NoDad = 0x02,

    /// <summary><c>IFA_F_DADFAILED</c>.</summary>
    DadFailed = 0x08,

    /// <summary><c>IFA_F_TENTATIVE</c>.</summary>
    Tentative = 0x40,

    /// <summary><c>IFA_F_PERMANENT</c>.</summary>
    Permanent = 0x80,

    /// <summary><c>IFA_F_NOPREFIXROUTE</c>.</summary>
    NoPrefixRoute = 0x200,
}
