using System.Net;

namespace Podnet.Netlink.Tests.Infrastructure;

/// <summary>A growable message body for tests: a zeroed fixed header followed by attributes written with <see cref="NetlinkWriter"/>.</summary>
public sealed class NetlinkWriterBox
{
    private readonly byte[] _buffer = new byte[4096];
    private int _position;

    public NetlinkWriterBox(int headerSize)
    {
        _position = NetlinkAttribute.Align(headerSize);
        HeaderSize = headerSize;
    }

    public int HeaderSize { get; }

    public Span<byte> Header => _buffer.AsSpan(0, HeaderSize);

    public void String(ushort type, string value) => Write((ref NetlinkWriter w) => w.WriteString(type, value));

    public void U32(ushort type, uint value) => Write((ref NetlinkWriter w) => w.WriteU32(type, value));

    public void Binary(ushort type, byte[] value) => Write((ref NetlinkWriter w) => w.WriteBinary(type, value));

    public void Address(ushort type, IPAddress value) => Write((ref NetlinkWriter w) => w.WriteAddress(type, value));

    public void Nested(ushort type, Action<NetlinkWriterBox> inner)
    {
        int start = _position;
        Write((ref NetlinkWriter w) => w.BeginNested(type));
        inner(this);
        ushort length = checked((ushort)(_position - start));
        BitConverter.TryWriteBytes(_buffer.AsSpan(start, 2), length);
    }

    public byte[] ToArray() => _buffer[.._position];

    private delegate void WriteAction(ref NetlinkWriter writer);

    private void Write(WriteAction action)
    {
        var writer = new NetlinkWriter(_buffer.AsSpan(_position));
        action(ref writer);
        _position += writer.Position;
    }
}
