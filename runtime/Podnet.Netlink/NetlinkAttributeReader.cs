using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Podnet.Netlink;

/// <summary>
/// Iterates the attributes of a set. Types come back with <c>NLA_F_NESTED</c> and <c>NLA_F_NET_BYTEORDER</c> masked
/// off. A length that is too small or runs past the end throws <see cref="NetlinkParseException"/>; nothing is
/// ever read out of range.
/// </summary>
public ref struct NetlinkAttributeReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    /// <summary>Reads the attributes in <paramref name="data"/>.</summary>
    public NetlinkAttributeReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
    }

    /// <summary>Offset of the next attribute within the data.</summary>
    public readonly int Offset => _offset;

    /// <summary>Reads the next attribute.</summary>
    /// <param name="type">The attribute type, flag bits masked.</param>
    /// <param name="payload">The payload (without header or padding).</param>
    /// <param name="raw">The whole attribute including header, without trailing padding.</param>
    /// <returns><see langword="false"/> at the end of the data.</returns>
    public bool TryRead(out ushort type, out ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> raw)
    {
        int remaining = _data.Length - _offset;

        // The kernel may leave fewer than 4 bytes of padding at the end of a message; treat as end.
        if (remaining < NetlinkAttribute.HeaderSize)
        {
            type = 0;
            payload = default;
            raw = default;
            if (remaining != 0 && _data[_offset..].IndexOfAnyExcept((byte)0) >= 0)
            {
                throw new NetlinkParseException($"Truncated netlink attribute at offset {_offset}: {remaining} bytes left.");
            }

            _offset = _data.Length;
            return false;
        }

        ushort length = MemoryMarshal.Read<ushort>(_data[_offset..]);
        ushort rawType = MemoryMarshal.Read<ushort>(_data[(_offset + 2)..]);
        if (length < NetlinkAttribute.HeaderSize || length > remaining)
        {
            throw new NetlinkParseException(
                $"Netlink attribute type {rawType & NetlinkAttribute.TypeMask} at offset {_offset} has length {length}, but {remaining} bytes remain.");
        }

        type = (ushort)(rawType & NetlinkAttribute.TypeMask);
        raw = _data.Slice(_offset, length);
        payload = raw[NetlinkAttribute.HeaderSize..];
        _offset = Math.Min(_data.Length, _offset + NetlinkAttribute.Align(length));
        return true;
    }

    /// <summary>Reads a fixed header of type <typeparamref name="T"/> at the start of <paramref name="source"/>.</summary>
    /// <param name="source">Header followed by attributes.</param>
    /// <param name="attributes">The bytes after the aligned header.</param>
    public static T ReadHeader<T>(ReadOnlySpan<byte> source, out ReadOnlySpan<byte> attributes)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (source.Length < size)
        {
            throw new NetlinkParseException($"Truncated {typeof(T).Name}: {source.Length} of {size} bytes.");
        }

        T header = MemoryMarshal.Read<T>(source);
        int aligned = Math.Min(source.Length, NetlinkAttribute.Align(size));
        attributes = source[aligned..];
        return header;
    }
}
