namespace Podnet.Netlink.Generic;

/// <summary>One entry of <c>CTRL_ATTR_OPS</c>: a command of a generic netlink family.</summary>
[NetlinkAttributeSet]
public sealed partial class ControlOperation
{
    /// <summary><c>CTRL_ATTR_OP_ID</c>: the command number.</summary>
    [NetlinkAttribute(1)]
    public uint? Id { get; set; }

    /// <summary><c>CTRL_ATTR_OP_FLAGS</c>: <c>GENL_ADMIN_PERM</c> (0x01), <c>GENL_CMD_CAP_DO</c> (0x02), <c>GENL_CMD_CAP_DUMP</c> (0x04), ...</summary>
    [NetlinkAttribute(2)]
    public uint? Flags { get; set; }
}
