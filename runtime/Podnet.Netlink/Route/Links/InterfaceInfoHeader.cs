using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

/// <summary><c>struct ifinfomsg</c>: the fixed header of link messages (16 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct InterfaceInfoHeader
{
    /// <summary><c>ifi_family</c>.</summary>
    public RouteAddressFamily Family { get; set; }

    /// <summary><c>__ifi_pad</c>.</summary>
    public byte Padding { get; set; }

    /// <summary><c>ifi_type</c>: the ARPHRD_* device type.</summary>
    public ushort DeviceType { get; set; }

    /// <summary><c>ifi_index</c>: the interface index (0 = unspecified).</summary>
    public int Index { get; set; }

    /// <summary><c>ifi_flags</c>.</summary>
    public InterfaceFlags Flags { get; set; }

    /// <summary><c>ifi_change</c>: which flags a request changes.</summary>
    public InterfaceFlags Change { get; set; }
}
