using System.Runtime.InteropServices;

namespace Podnet.Netlink.Tests.Infrastructure;

/// <summary><c>struct ifinfomsg</c>, written by hand for the socket tests.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RawInterfaceInfo
{
    public byte Family;
    public byte Padding;
    public ushort Type;
    public int Index;
    public uint Flags;
    public uint Change;
}
