using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

/// <summary><c>struct rtmsg</c>: the fixed header of route messages (12 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RouteHeader
{
    /// <summary><c>rtm_family</c>.</summary>
    public RouteAddressFamily Family { get; set; }

    /// <summary><c>rtm_dst_len</c>: destination prefix length.</summary>
    public byte DestinationLength { get; set; }

    /// <summary><c>rtm_src_len</c>.</summary>
    public byte SourceLength { get; set; }

    /// <summary><c>rtm_tos</c>.</summary>
    public byte Tos { get; set; }

    /// <summary><c>rtm_table</c> (tables above 255 use <c>RTA_TABLE</c>).</summary>
    public byte Table { get; set; }

    /// <summary><c>rtm_protocol</c>: who installed the route (<c>RTPROT_*</c>, or a private number).</summary>
    public byte Protocol { get; set; }

    /// <summary><c>rtm_scope</c>.</summary>
    public RouteScope Scope { get; set; }

    /// <summary><c>rtm_type</c>.</summary>
    public RouteType Type { get; set; }

    /// <summary><c>rtm_flags</c>.</summary>
    public uint Flags { get; set; }
}
