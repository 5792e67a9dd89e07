namespace Podnet.Netlink.Generic;

/// <summary>A generic netlink family as the controller describes it: the id to send its messages with, and its groups.</summary>
public sealed class GenericFamily
{
    /// <summary>Creates a family description.</summary>
    public GenericFamily(string name, ushort id, uint version, uint headerSize, uint maxAttribute, IReadOnlyList<ControlOperation> operations, IReadOnlyDictionary<string, uint> multicastGroups)
    {
        Name = name;
        Id = id;
        Version = version;
        HeaderSize = headerSize;
        MaxAttribute = maxAttribute;
        Operations = operations;
        MulticastGroups = multicastGroups;
    }

    /// <summary>The family name, for example <c>"ethtool"</c>.</summary>
    public string Name { get; }

    /// <summary>The family id: the <c>nlmsg_type</c> of its messages on a <see cref="NetlinkProtocol.Generic"/> socket.</summary>
    public ushort Id { get; }

    /// <summary>The interface version (<c>genlmsghdr.version</c> of requests).</summary>
    public uint Version { get; }

    /// <summary>The size of the family's own header after <c>genlmsghdr</c> (0 for most families).</summary>
    public uint HeaderSize { get; }

    /// <summary>The family's highest attribute type.</summary>
    public uint MaxAttribute { get; }

    /// <summary>The commands the family supports.</summary>
    public IReadOnlyList<ControlOperation> Operations { get; }

    /// <summary>Multicast group ids by group name.</summary>
    public IReadOnlyDictionary<string, uint> MulticastGroups { get; }

    /// <summary>The id of the multicast group <paramref name="name"/>, for <see cref="NetlinkSocket.Subscribe"/>.</summary>
    /// <exception cref="KeyNotFoundException">The family has no such group.</exception>
    public uint MulticastGroup(string name) =>
        MulticastGroups.TryGetValue(name, out uint id)
            ? id
            : throw new KeyNotFoundException($"The generic netlink family '{Name}' has no multicast group '{name}' (it has: {string.Join(", ", MulticastGroups.Keys)}).");

    /// <summary>Builds the description from the controller's <c>CTRL_CMD_NEWFAMILY</c> message.</summary>
    /// <exception cref="NetlinkParseException">The message lacks the family id or name.</exception>
    public static GenericFamily From(ControlMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.FamilyId is not ushort id || message.FamilyName is not string name)
        {
            throw new NetlinkParseException("The generic netlink controller described a family without CTRL_ATTR_FAMILY_ID or CTRL_ATTR_FAMILY_NAME.");
        }

        var groups = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (ControlMulticastGroup group in message.MulticastGroups)
        {
            if (group.Name is not null && group.Id is uint groupId)
            {
                groups[group.Name] = groupId;
            }
        }

        return new GenericFamily(name, id, message.Version ?? 0, message.HeaderSize ?? 0, message.MaxAttribute ?? 0, message.Operations, groups);
    }
}
