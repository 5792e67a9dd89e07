using System.Runtime.InteropServices;

namespace Podnet.Netlink.Interop;

/// <summary><c>struct sockaddr_nl</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SocketAddressNetlink
{
    public ushort Family;
    public ushort Padding;
    public uint PortId;
    public uint Groups;
}
