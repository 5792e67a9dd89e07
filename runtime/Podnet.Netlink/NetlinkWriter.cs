using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Podnet.Netlink;

/// <summary>
/// Writes netlink headers and attributes into a caller-supplied span. Never allocates; padding is zeroed.
/// Generated writers call these methods; hand-written code may too.
/// </summary>
public ref struct NetlinkWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    /// <summary>Writes into <paramref name="buffer"/>, starting at offset 0.</summary>
    public NetlinkWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes written so far (always 4-byte aligned between calls).</summary>
    public readonly int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>Writes a fixed header struct, padded to 4 bytes.</summary>
    public void WriteHeader<T>(in T header)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        Span<byte> dest = Reserve(NetlinkAttribute.Align(size));
        MemoryMarshal.Write(dest, in header);
        dest[size..].Clear();
    }

    /// <summary>Writes raw, already-aligned bytes (for example preserved unknown attributes).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Span<byte> dest = Reserve(NetlinkAttribute.Align(bytes.Length));
        bytes.CopyTo(dest);
        dest[bytes.Length..].Clear();
    }

    /// <summary>Writes a flag attribute (no payload).</summary>
    public void WriteFlag(ushort type) => BeginAttribute(type, 0);

    /// <summary>Writes an unsigned 8-bit attribute.</summary>
    public void WriteU8(ushort type, byte value) => BeginAttribute(type, 1)[0] = value;

    /// <summary>Writes a signed 8-bit attribute.</summary>
    public void WriteS8(ushort type, sbyte value) => BeginAttribute(type, 1)[0] = unchecked((byte)value);

    /// <summary>Writes an unsigned 16-bit attribute.</summary>
    public void WriteU16(ushort type, ushort value, NetlinkByteOrder order = NetlinkByteOrder.Native)
    {
        Span<byte> p = BeginAttribute(type, 2);
        if (order == NetlinkByteOrder.BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(p, value);
        }
        else
        {
            MemoryMarshal.Write(p, in value);
        }
    }

    /// <summary>Writes a signed 16-bit attribute.</summary>
    public void WriteS16(ushort type, short value, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        WriteU16(type, unchecked((ushort)value), order);

    /// <summary>Writes an unsigned 32-bit attribute.</summary>
    public void WriteU32(ushort type, uint value, NetlinkByteOrder order = NetlinkByteOrder.Native)
    {
        Span<byte> p = BeginAttribute(type, 4);
        if (order == NetlinkByteOrder.BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(p, value);
        }
        else
        {
            MemoryMarshal.Write(p, in value);
        }
    }

    /// <summary>Writes a signed 32-bit attribute.</summary>
    public void WriteS32(ushort type, int value, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        WriteU32(type, unchecked((uint)value), order);

    /// <summary>Writes an unsigned 64-bit attribute.</summary>
    public void WriteU64(ushort type, ulong value, NetlinkByteOrder order = NetlinkByteOrder.Native)
    {
        Span<byte> p = BeginAttribute(type, 8);
        if (order == NetlinkByteOrder.BigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(p, value);
        }
        else
        {
            MemoryMarshal.Write(p, in value);
        }
    }

    /// <summary>Writes a signed 64-bit attribute.</summary>
    public void WriteS64(ushort type, long value, NetlinkByteOrder order = NetlinkByteOrder.Native) =>
        WriteU64(type, unchecked((ulong)value), order);

    /// <summary>Writes a NUL-terminated UTF-8 string attribute.</summary>
    public void WriteString(ushort type, string value)
    {
        // Interface names, kinds and table names are ASCII: encode straight into place in one pass.
        int start = _position;
        if (_buffer.Length - start > NetlinkAttribute.HeaderSize &&
            System.Text.Ascii.FromUtf16(value, _buffer[(start + NetlinkAttribute.HeaderSize)..], out int ascii) == System.Buffers.OperationStatus.Done)
        {
            int total = NetlinkAttribute.HeaderSize + ascii + 1;
            int aligned = NetlinkAttribute.Align(total);
            if (total <= ushort.MaxValue && _buffer.Length - start >= aligned)
            {
                ushort len = (ushort)total;
                MemoryMarshal.Write(_buffer[start..], in len);
                MemoryMarshal.Write(_buffer[(start + 2)..], in type);
                _buffer.Slice(start + total - 1, aligned - total + 1).Clear();
                _position = start + aligned;
                return;
            }
        }

        int length = Encoding.UTF8.GetByteCount(value);
        Span<byte> p = BeginAttribute(type, length + 1);
        Encoding.UTF8.GetBytes(value, p);
        p[length] = 0;
    }

    /// <summary>Writes a binary attribute.</summary>
    public void WriteBinary(ushort type, ReadOnlySpan<byte> value) => value.CopyTo(BeginAttribute(type, value.Length));

    /// <summary>Writes a 6-byte MAC address attribute.</summary>
    public void WriteMac(ushort type, MacAddress value) => value.CopyTo(BeginAttribute(type, MacAddress.Size));

    /// <summary>Writes an IPv4 (4 bytes) or IPv6 (16 bytes) address attribute.</summary>
    public void WriteAddress(ushort type, IPAddress value)
    {
        int size = value.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 16 : 4;
        if (!value.TryWriteBytes(BeginAttribute(type, size), out _))
        {
            throw new InvalidOperationException("IP address did not fit its attribute.");
        }
    }

    /// <summary>Starts a nested attribute (sets <c>NLA_F_NESTED</c>); pass the result to <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type)
    {
        int start = _position;
        BeginAttribute((ushort)(type | NetlinkAttribute.NestedFlag), 0);
        return start;
    }

    /// <summary>Completes a nested attribute started at <paramref name="start"/> by patching its length.</summary>
    public readonly void EndNested(int start)
    {
        ushort length = checked((ushort)(_position - start));
        MemoryMarshal.Write(_buffer.Slice(start, 2), in length);
    }

    /// <summary>Starts a netlink message header; pass the result to <see cref="EndMessage"/>.</summary>
    public int BeginMessage(ushort type, ushort flags, uint sequence, uint portId)
    {
        int start = _position;
        Span<byte> h = Reserve(16);
        MemoryMarshal.Write(h, 0u);
        MemoryMarshal.Write(h[4..], in type);
        MemoryMarshal.Write(h[6..], in flags);
        MemoryMarshal.Write(h[8..], in sequence);
        MemoryMarshal.Write(h[12..], in portId);
        return start;
    }

    /// <summary>Completes a message started at <paramref name="start"/> by patching <c>nlmsg_len</c>.</summary>
    public readonly void EndMessage(int start)
    {
        uint length = (uint)(_position - start);
        MemoryMarshal.Write(_buffer.Slice(start, 4), in length);
    }

    private Span<byte> BeginAttribute(ushort type, int payloadLength)
    {
        int total = NetlinkAttribute.HeaderSize + payloadLength;
        if (total > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength), "A netlink attribute holds at most 65531 bytes.");
        }

        Span<byte> dest = Reserve(NetlinkAttribute.Align(total));
        ushort len = (ushort)total;
        MemoryMarshal.Write(dest, in len);
        MemoryMarshal.Write(dest[2..], in type);
        dest[total..].Clear();
        return dest.Slice(NetlinkAttribute.HeaderSize, payloadLength);
    }

    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _position < size)
        {
            throw new ArgumentException($"Netlink buffer too small: {size} more bytes needed at offset {_position} of {_buffer.Length}.");
        }

        Span<byte> dest = _buffer.Slice(_position, size);
        _position += size;
        return dest;
    }
}
