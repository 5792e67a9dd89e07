using System.Runtime.InteropServices;

namespace Podnet.Netlink.Generic;

/// <summary><c>struct genlmsghdr</c>: the fixed header of every generic netlink message (4 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct GenericNetlinkHeader
{
    /// <summary><c>cmd</c>: the family's command (for the controller, <see cref="ControlCommand"/>).</summary>
    public byte Command { get; set; }

    /// <summary><c>version</c>: the family's interface version.</summary>
    public byte Version { get; set; }

    /// <summary><c>reserved</c>.</summary>
    public ushort Reserved { get; set; }
}
