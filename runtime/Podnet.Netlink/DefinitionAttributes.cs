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

/// <summary>
/// Marks the fixed header member of an attribute set (for example <c>ifinfomsg</c>). The member's type must be an
/// unmanaged struct whose layout matches the kernel's; it is written before the attributes, padded to 4 bytes.
/// A nested set with a header (the veth peer: <c>ifinfomsg</c> + link attributes) is simply a set with a header.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkHeaderAttribute : Attribute
{
}

/// <summary>
/// Marks a <c>partial</c> class as a netlink attribute set. The source generator emits the size
/// computation, an allocation-free writer and a parser for it (see <see cref="INetlinkSerializable{TSelf}"/>).
/// A set may start with a fixed header: a member marked <see cref="NetlinkHeaderAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkAttributeSetAttribute : Attribute
{
}

/// <summary>
/// Maps a property of an attribute set to the netlink attribute with type <see cref="Type"/>.
/// The encoding follows from the property type:
/// <list type="bullet">
/// <item><c>byte</c>, <c>ushort</c>, <c>uint</c>, <c>ulong</c>, <c>sbyte</c>, <c>short</c>, <c>int</c>, <c>long</c> and enums over them: fixed-width integers (native order unless <see cref="ByteOrder"/> says otherwise);</item>
/// <item><c>bool</c>: a flag attribute (present when <see langword="true"/>, no payload);</item>
/// <item><c>string</c>: a NUL-terminated UTF-8 string;</item>
/// <item><c>byte[]</c> or <see cref="ReadOnlyMemory{T}"/> of <c>byte</c>: binary;</item>
/// <item><see cref="MacAddress"/>: a 6-byte link-layer address;</item>
/// <item><see cref="System.Net.IPAddress"/>: 4 or 16 bytes, by address family;</item>
/// <item>another <see cref="NetlinkAttributeSetAttribute"/> type: a nested set (<c>NLA_F_NESTED</c>), with its fixed header if it has one;</item>
/// <item><c>List&lt;T&gt;</c> with <see cref="Repeated"/>: the attribute repeated once per element (multi-attr);</item>
/// <item><c>List&lt;T&gt;</c> with <see cref="IndexedArray"/>: one nested attribute whose entries are the elements, typed 1, 2, 3... (YNL <c>indexed-array</c>, for example generic netlink's <c>CTRL_ATTR_OPS</c>).</item>
/// </list>
/// Nullable members are optional: <see langword="null"/> means the attribute is not written.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkAttributeAttribute : Attribute
{
    /// <summary>Maps the property to attribute type <paramref name="type"/> (below 0x4000: the top bits are flags).</summary>
    public NetlinkAttributeAttribute(ushort type) => Type = type;

    /// <summary>The attribute type (<c>nla_type</c> without the flag bits).</summary>
    public ushort Type { get; }

    /// <summary>Byte order of an integer payload; big-endian sets <c>NLA_F_NET_BYTEORDER</c> semantics.</summary>
    public NetlinkByteOrder ByteOrder { get; set; }

    /// <summary>The attribute occurs once per element of a <c>List&lt;T&gt;</c> member (multi-attr).</summary>
    public bool Repeated { get; set; }

    /// <summary>
    /// The attribute is a nested array of a <c>List&lt;T&gt;</c> member: one <c>NLA_F_NESTED</c> attribute holding one
    /// entry per element, whose attribute type is its 1-based index (YNL <c>indexed-array</c>). Reading ignores the
    /// entry types and keeps the order.
    /// </summary>
    public bool IndexedArray { get; set; }
}

/// <summary>Byte order of an integer attribute payload.</summary>
public enum NetlinkByteOrder
{
    /// <summary>Host byte order (the netlink default).</summary>
    Native = 0,

    /// <summary>Network byte order (big-endian), as used by nftables and some IP fields.</summary>
    BigEndian = 1,
}

/// <summary>
/// Declares that the payload of this attribute is a nested set whose shape is chosen by the value of a sibling
/// string attribute (the selector), as <c>IFLA_INFO_DATA</c> is chosen by <c>IFLA_INFO_KIND</c>. Combine with one
/// <see cref="NetlinkSubMessageCaseAttribute"/> per known selector value. The property's type must be a base type
/// (or interface) of every case type. Payloads for unknown selector values are kept as unknown attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkSubMessageAttribute : Attribute
{
    /// <summary>Selects the sub-message by the value of the sibling property <paramref name="selector"/>.</summary>
    public NetlinkSubMessageAttribute(string selector) => Selector = selector;

    /// <summary>Name of the sibling <c>string</c> property whose value selects the case.</summary>
    public string Selector { get; }
}

/// <summary>One case of a <see cref="NetlinkSubMessageAttribute"/>: selector value → attribute set type.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class NetlinkSubMessageCaseAttribute : Attribute
{
    /// <summary>When the selector equals <paramref name="value"/>, the payload is a <paramref name="type"/>.</summary>
    public NetlinkSubMessageCaseAttribute(string value, Type type)
    {
        Value = value;
        Type = type;
    }

    /// <summary>The selector value, for example <c>"veth"</c>.</summary>
    public string Value { get; }

    /// <summary>The attribute set type used for this value.</summary>
    public Type Type { get; }
}
