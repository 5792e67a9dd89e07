using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

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
