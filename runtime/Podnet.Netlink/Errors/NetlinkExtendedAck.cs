namespace Podnet.Netlink;

/// <summary>The extended-ACK details (<c>enum nlmsgerr_attrs</c>) the kernel attached to an error.</summary>
/// <param name="Message">The kernel's text (<c>NLMSGERR_ATTR_MSG</c>).</param>
/// <param name="Offset">Offset of the offending attribute in the request (<c>NLMSGERR_ATTR_OFFS</c>).</param>
/// <param name="AttributeType">Type of the request attribute found at <paramref name="Offset"/>.</param>
/// <param name="MissingAttributeType">Type of a required attribute that was missing (<c>NLMSGERR_ATTR_MISS_TYPE</c>).</param>
public readonly record struct NetlinkExtendedAck(string? Message, int? Offset, ushort? AttributeType, ushort? MissingAttributeType);
