using System.Buffers;

namespace Podnet.Netlink;

/// <summary>Entry points over <see cref="INetlinkSerializable{TSelf}"/>: to spans, buffer writers, and safe parsing.</summary>
public static class NetlinkSerializer
{
    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write<T>(T value, Span<byte> destination)
        where T : INetlinkSerializable<T>
    {
        var writer = new NetlinkWriter(destination);
        value.Write(ref writer);
        return writer.Position;
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="output"/> without intermediate buffers.</summary>
    public static void Write<T>(T value, IBufferWriter<byte> output)
        where T : INetlinkSerializable<T>
    {
        int size = value.GetSize();
        Span<byte> span = output.GetSpan(size)[..size];
        var writer = new NetlinkWriter(span);
        value.Write(ref writer);
        output.Advance(writer.Position);
    }

    /// <summary>Encodes <paramref name="value"/> into a new array (for tests and tooling).</summary>
    public static byte[] ToArray<T>(T value)
        where T : INetlinkSerializable<T>
    {
        byte[] bytes = new byte[value.GetSize()];
        int written = Write(value, bytes);
        return written == bytes.Length ? bytes : bytes[..written];
    }

    /// <summary>Parses without throwing; <paramref name="error"/> says why parsing failed.</summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> source, out T? value, out string? error)
        where T : INetlinkSerializable<T>
    {
        try
        {
            value = T.Read(source);
            error = null;
            return true;
        }
        catch (NetlinkParseException e)
        {
            value = default;
            error = e.Message;
            return false;
        }
    }
}
