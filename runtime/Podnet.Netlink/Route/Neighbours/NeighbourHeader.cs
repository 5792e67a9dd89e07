using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

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
