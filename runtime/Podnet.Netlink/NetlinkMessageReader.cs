using System.Runtime.InteropServices;

namespace Podnet.Netlink;

/// <summary>
/// Splits a datagram into netlink messages, checking every <c>nlmsg_len</c>: a length shorter than the header or
/// running past the datagram throws <see cref="NetlinkParseException"/>.
/// </summary>
public ref struct NetlinkMessageReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    /// <summary>Reads the messages in <paramref name="datagram"/>.</summary>
    public NetlinkMessageReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
    }

    /// <summary>Reads the next message.</summary>
    /// <param name="header">Its header.</param>
    /// <param name="body">The bytes after the header, up to <c>nlmsg_len</c>.</param>
    /// <returns><see langword="false"/> at the end of the datagram.</returns>
    public bool TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> body)
    {
        int remaining = _datagram.Length - _offset;
        if (remaining == 0)
        {
            header = default;
            body = default;
            return false;
        }

        if (remaining < NetlinkMessageHeader.Size)
        {
            throw new NetlinkParseException($"Truncated netlink message header at offset {_offset}: {remaining} bytes left.");
        }

        header = MemoryMarshal.Read<NetlinkMessageHeader>(_datagram[_offset..]);
        if (header.Length < NetlinkMessageHeader.Size || header.Length > (uint)remaining)
        {
            throw new NetlinkParseException(
                $"Netlink message (type {header.Type}) at offset {_offset} has nlmsg_len {header.Length}, but {remaining} bytes remain.");
        }

        body = _datagram.Slice(_offset + NetlinkMessageHeader.Size, (int)header.Length - NetlinkMessageHeader.Size);
        _offset = Math.Min(_datagram.Length, _offset + NetlinkAttribute.Align((int)header.Length));
        return true;
    }
}
