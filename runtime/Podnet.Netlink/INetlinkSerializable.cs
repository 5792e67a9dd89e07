namespace Podnet.Netlink;

/// <summary>
/// A netlink attribute set (optionally with a fixed header) that knows its encoded size, writes itself without
/// allocating and parses itself. Implemented by the source generator for every
/// <see cref="NetlinkAttributeSetAttribute"/> type; see <see cref="NetlinkSerializer"/> for convenience entry points.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface INetlinkSerializable<TSelf>
    where TSelf : INetlinkSerializable<TSelf>
{
    /// <summary>Raw bytes of attributes the parser did not recognise, written back unchanged after the known ones.</summary>
    ReadOnlyMemory<byte> UnknownAttributes { get; set; }

    /// <summary>The exact number of bytes <see cref="Write"/> produces (header + attributes, 4-byte aligned).</summary>
    int GetSize();

    /// <summary>Writes the header (if any) and the attributes at the writer's position.</summary>
    void Write(ref NetlinkWriter writer);

    /// <summary>Parses a header (if any) and attributes from <paramref name="source"/>.</summary>
    /// <exception cref="NetlinkParseException">The data is truncated or malformed.</exception>
    static abstract TSelf Read(ReadOnlySpan<byte> source);
}
