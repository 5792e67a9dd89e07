namespace Podnet.Netlink;

/// <summary>Receives one netlink message.</summary>
/// <param name="type"><c>nlmsg_type</c>.</param>
/// <param name="flags"><c>nlmsg_flags</c> (see <see cref="NetlinkMessageFlags"/>).</param>
/// <param name="body">The message after its <c>nlmsghdr</c>; valid only during the call.</param>
public delegate void NetlinkMessageHandler(ushort type, ushort flags, ReadOnlySpan<byte> body);
