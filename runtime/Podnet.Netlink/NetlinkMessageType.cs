namespace Podnet.Netlink;

/// <summary>The control message types every netlink protocol shares (<c>NLMSG_*</c> in <c>linux/netlink.h</c>).</summary>
public static class NetlinkMessageType
{
    /// <summary><c>NLMSG_NOOP</c>: nothing; skipped.</summary>
    public const ushort Noop = 0x1;

    /// <summary><c>NLMSG_ERROR</c>: an error, or an acknowledgement when the error is 0.</summary>
    public const ushort Error = 0x2;

    /// <summary><c>NLMSG_DONE</c>: the end of a multi-part (dump) reply.</summary>
    public const ushort Done = 0x3;

    /// <summary><c>NLMSG_OVERRUN</c>: data was lost.</summary>
    public const ushort Overrun = 0x4;

    /// <summary><c>NLMSG_MIN_TYPE</c>: types below this are reserved for control messages.</summary>
    public const ushort MinimumType = 0x10;
}
