namespace Podnet.Netlink;

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
