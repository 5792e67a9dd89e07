namespace Podnet.Netlink.Generic;

/// <summary>
/// Generic netlink (<c>NETLINK_GENERIC</c>): families such as <c>ethtool</c>, <c>devlink</c> or <c>wireguard</c> get
/// their message type (the family id) at run time, so a client first asks the controller <c>nlctrl</c> for it by
/// name. Works on a <see cref="NetlinkProtocol.Generic"/> socket in any network namespace.
/// </summary>
public static class GenericNetlink
{
    /// <summary><c>GENL_ID_CTRL</c>: the fixed family id of the controller <c>nlctrl</c>.</summary>
    public const ushort ControlFamilyId = 16;

    /// <summary>The <c>genlmsghdr.version</c> of requests to the controller: 0, as iproute2's <c>genl</c> sends (the controller ignores it).</summary>
    public const byte ControlVersion = 0;

    /// <summary>Resolves the family <paramref name="name"/> (<c>CTRL_CMD_GETFAMILY</c> with <c>CTRL_ATTR_FAMILY_NAME</c>).</summary>
    /// <exception cref="NetlinkException">No such family (<c>ENOENT</c>), or the kernel rejected the request.</exception>
    public static GenericFamily ResolveFamily(NetlinkSocket socket, string name)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ControlMessage reply = socket.RequestReply(ControlFamilyId, NetlinkMessageFlags.None, Request(name));
        return GenericFamily.From(reply);
    }

    /// <summary>Lists every registered family (a <c>CTRL_CMD_GETFAMILY</c> dump).</summary>
    /// <exception cref="NetlinkException">The kernel rejected the dump.</exception>
    public static List<GenericFamily> ListFamilies(NetlinkSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        List<ControlMessage> replies = socket.DumpWithRetry(ControlFamilyId, Request(null));
        return replies.ConvertAll(GenericFamily.From);
    }

    private static ControlMessage Request(string? name) => new()
    {
        Header = new GenericNetlinkHeader { Command = ControlCommand.GetFamily, Version = ControlVersion },
        FamilyName = name,
    };
}
