using System.Runtime.InteropServices;

namespace Podnet.Netlink;

/// <summary><c>struct nlmsghdr</c>, the 16-byte header in front of every netlink message.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NetlinkMessageHeader
{
    /// <summary><c>NLMSG_HDRLEN</c>.</summary>
    public const int Size = 16;

    /// <summary><c>nlmsg_len</c>: length of the message including this header.</summary>
    public uint Length;

    /// <summary><c>nlmsg_type</c>.</summary>
    public ushort Type;

    /// <summary><c>nlmsg_flags</c>.</summary>
    public NetlinkMessageFlags Flags;

    /// <summary><c>nlmsg_seq</c>: the sequence number of the request this message answers.</summary>
    public uint Sequence;

    /// <summary><c>nlmsg_pid</c>: the port id of the socket the message is addressed to (or sent from).</summary>
    public uint PortId;
}
