namespace Podnet.Netlink.Generic;

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
