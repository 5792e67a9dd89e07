namespace Podnet.Netlink;

/// <summary>
/// Marks an attribute set as a complete netlink message body: the payload that follows <c>nlmsghdr</c>
/// for the given protocol and message types (for example <c>RTM_NEWLINK</c>, <c>RTM_DELLINK</c>, <c>RTM_GETLINK</c>).
/// The type must also carry <see cref="NetlinkAttributeSetAttribute"/> and normally has a fixed header.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkMessageAttribute : Attribute
{
    /// <summary>Declares a message of <paramref name="protocol"/> with the given <c>nlmsg_type</c> values.</summary>
    public NetlinkMessageAttribute(NetlinkProtocol protocol, params ushort[] messageTypes)
    {
        Protocol = protocol;
        MessageTypes = messageTypes;
    }

    /// <summary>The netlink protocol (socket family) the message is sent on.</summary>
    public NetlinkProtocol Protocol { get; }

    /// <summary>The <c>nlmsg_type</c> values this body is used with.</summary>
    public IReadOnlyList<ushort> MessageTypes { get; }
}
