namespace Podnet.Netlink.Generic;

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
