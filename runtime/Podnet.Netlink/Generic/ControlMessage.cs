namespace Podnet.Netlink.Generic;

/// <summary>
/// A message of the generic netlink controller <c>nlctrl</c>, whose family id is fixed at <c>GENL_ID_CTRL</c> (16):
/// <c>genlmsghdr</c> + <c>CTRL_ATTR_*</c>. A <see cref="ControlCommand.GetFamily"/> request names a family; the
/// <see cref="ControlCommand.NewFamily"/> reply describes it.
/// </summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Generic, GenericNetlink.ControlFamilyId)]
public sealed partial class ControlMessage
{
    /// <summary>The <c>genlmsghdr</c> header.</summary>
    [NetlinkHeader]
    public GenericNetlinkHeader Header { get; set; }

    /// <summary><c>CTRL_ATTR_FAMILY_ID</c>: the family's <c>nlmsg_type</c>.</summary>
    [NetlinkAttribute(1)]
    public ushort? FamilyId { get; set; }

    /// <summary><c>CTRL_ATTR_FAMILY_NAME</c>, for example <c>"ethtool"</c>.</summary>
    [NetlinkAttribute(2)]
    public string? FamilyName { get; set; }

    /// <summary><c>CTRL_ATTR_VERSION</c>: the family's interface version.</summary>
    [NetlinkAttribute(3)]
    public uint? Version { get; set; }

    /// <summary><c>CTRL_ATTR_HDRSIZE</c>: the size of the family's own header after <c>genlmsghdr</c>.</summary>
    [NetlinkAttribute(4)]
    public uint? HeaderSize { get; set; }

    /// <summary><c>CTRL_ATTR_MAXATTR</c>: the family's highest attribute type.</summary>
    [NetlinkAttribute(5)]
    public uint? MaxAttribute { get; set; }

    /// <summary><c>CTRL_ATTR_OPS</c>: the commands the family supports (an indexed array).</summary>
    [NetlinkAttribute(6, IndexedArray = true)]
    public List<ControlOperation> Operations { get; set; } = [];

    /// <summary><c>CTRL_ATTR_MCAST_GROUPS</c>: the family's multicast groups (an indexed array).</summary>
    [NetlinkAttribute(7, IndexedArray = true)]
    public List<ControlMulticastGroup> MulticastGroups { get; set; } = [];
}

/// <summary>Commands of the generic netlink controller <c>nlctrl</c> (<c>CTRL_CMD_*</c> in <c>linux/genetlink.h</c>).</summary>
public static class ControlCommand
{
    /// <summary><c>CTRL_CMD_NEWFAMILY</c>: the controller's answer to <see cref="GetFamily"/>, and the event for a new family.</summary>
    public const byte NewFamily = 1;

    /// <summary><c>CTRL_CMD_DELFAMILY</c>: the event for a removed family.</summary>
    public const byte DeleteFamily = 2;

    /// <summary><c>CTRL_CMD_GETFAMILY</c>: asks for one family (by <c>CTRL_ATTR_FAMILY_NAME</c> or id), or dumps all.</summary>
    public const byte GetFamily = 3;
}

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

/// <summary>One entry of <c>CTRL_ATTR_MCAST_GROUPS</c>: a multicast group of a generic netlink family.</summary>
[NetlinkAttributeSet]
public sealed partial class ControlMulticastGroup
{
    /// <summary><c>CTRL_ATTR_MCAST_GRP_NAME</c>, for example <c>"monitor"</c>.</summary>
    [NetlinkAttribute(1)]
    public string? Name { get; set; }

    /// <summary><c>CTRL_ATTR_MCAST_GRP_ID</c>: the group number to pass to <see cref="NetlinkSocket.Subscribe"/>.</summary>
    [NetlinkAttribute(2)]
    public uint? Id { get; set; }
}
