using CsCheck;
using Podnet.Netlink.Route;

namespace Podnet.Netlink.Tests.Route;

/// <summary>
/// Random link, address and route messages through the generated writer and parser, compared as bytes: write, read,
/// write again and the two encodings are identical, so an attribute the reader drops (or a new one nobody compares)
/// cannot go unnoticed.
/// </summary>
public sealed class RouteMessageRoundTripTests
{
    [Fact]
    public void LinkMessage_write_read_write_gives_the_same_bytes_and_GetSize_is_exact() =>
        RouteMessageGen.Link.Sample(m => Check(m, LinkMessage.Read));

    [Fact]
    public void AddressMessage_write_read_write_gives_the_same_bytes_and_GetSize_is_exact() =>
        RouteMessageGen.AddressMessage.Sample(m => Check(m, AddressMessage.Read));

    [Fact]
    public void RouteMessage_write_read_write_gives_the_same_bytes_and_GetSize_is_exact() =>
        RouteMessageGen.Route.Sample(m => Check(m, RouteMessage.Read));

    [Fact]
    public void Mutated_LinkMessage_encodings_parse_or_throw_NetlinkParseException_only() =>
        Mutations(RouteMessageGen.Link).Sample(bytes => ReadOrParseError(bytes, b => LinkMessage.Read(b)));

    [Fact]
    public void Mutated_AddressMessage_encodings_parse_or_throw_NetlinkParseException_only() =>
        Mutations(RouteMessageGen.AddressMessage).Sample(bytes => ReadOrParseError(bytes, b => AddressMessage.Read(b)));

    [Fact]
    public void Mutated_RouteMessage_encodings_parse_or_throw_NetlinkParseException_only() =>
        Mutations(RouteMessageGen.Route).Sample(bytes => ReadOrParseError(bytes, b => RouteMessage.Read(b)));

    private delegate T Reader<out T>(ReadOnlySpan<byte> source);

    private static void Check<T>(T message, Reader<T> read)
        where T : INetlinkSerializable<T>
    {
        int size = message.GetSize();
        byte[] buffer = new byte[size + 16];
        int written = NetlinkSerializer.Write(message, buffer);
        byte[] first = buffer[..written];

        byte[] second = NetlinkSerializer.ToArray(read(first));

        Assert.Equal(size, written);
        Assert.Equal(first, second);
    }

    /// <summary>An encoding with random bytes overwritten, then possibly truncated or extended.</summary>
    private static Gen<byte[]> Mutations<T>(Gen<T> messages)
        where T : INetlinkSerializable<T> =>
        from message in messages
        let bytes = NetlinkSerializer.ToArray(message)
        from flips in Gen.Select(Gen.Int[0, Math.Max(0, bytes.Length - 1)], Gen.Byte).Array[1, 8]
        from cut in Gen.Int[0, bytes.Length]
        from tail in Gen.Byte.Array[0, 8]
        from truncate in Gen.Bool
        select Mutate(bytes, flips, truncate ? cut : bytes.Length, tail);

    private static byte[] Mutate(byte[] bytes, (int Offset, byte Value)[] flips, int length, byte[] tail)
    {
        byte[] copy = [.. bytes[..length], .. tail];
        foreach ((int offset, byte value) in flips)
        {
            if (offset < copy.Length)
            {
                copy[offset] = value;
            }
        }

        return copy;
    }

    private static void ReadOrParseError(byte[] bytes, Action<byte[]> read)
    {
        try
        {
            read(bytes);
        }
        catch (NetlinkParseException)
        {
            // The one failure a parser may report for bad input.
        }
    }
}
