using System.Buffers;
using System.Net;
using System.Runtime.InteropServices;
using Podnet.Netlink.Tests.Codecs.Sets;

namespace Podnet.Netlink.Tests.Encoding;

/// <summary>The payload decoders, the attribute reader, the size arithmetic and the serializer entry points.</summary>
public sealed class NetlinkPayloadTests
{
    private static readonly byte[] s_bytes = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0xF8, 0x99];

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private readonly record struct FiveBytes(byte A, byte B, byte C, byte D, byte E);

    [Fact]
    public void Integers_are_read_from_the_start_of_the_payload_native_or_big_endian()
    {
        Assert.Equal(0x01, NetlinkPayload.ReadU8(s_bytes, 1));
        Assert.Equal(-8, NetlinkPayload.ReadS8(s_bytes.AsSpan(7), 1));
        Assert.Equal(0x0201, NetlinkPayload.ReadU16(s_bytes, 1));
        Assert.Equal(0x0102, NetlinkPayload.ReadU16(s_bytes, 1, NetlinkByteOrder.BigEndian));
        Assert.Equal(unchecked((short)0x99F8), NetlinkPayload.ReadS16(s_bytes.AsSpan(7), 1));
        Assert.Equal(unchecked((short)0xF899), NetlinkPayload.ReadS16(s_bytes.AsSpan(7), 1, NetlinkByteOrder.BigEndian));
        Assert.Equal(0x04030201u, NetlinkPayload.ReadU32(s_bytes, 1));
        Assert.Equal(0x01020304u, NetlinkPayload.ReadU32(s_bytes, 1, NetlinkByteOrder.BigEndian));
        Assert.Equal(unchecked((int)0x99F80706), NetlinkPayload.ReadS32(s_bytes.AsSpan(5), 1));
        Assert.Equal(unchecked((int)0x0607F899), NetlinkPayload.ReadS32(s_bytes.AsSpan(5), 1, NetlinkByteOrder.BigEndian));
        Assert.Equal(0xF807060504030201ul, NetlinkPayload.ReadU64(s_bytes, 1));
        Assert.Equal(0x01020304050607F8ul, NetlinkPayload.ReadU64(s_bytes, 1, NetlinkByteOrder.BigEndian));
        Assert.Equal(unchecked((long)0x99F8070605040302), NetlinkPayload.ReadS64(s_bytes.AsSpan(1), 1));
        Assert.Equal(unchecked((long)0x020304050607F899), NetlinkPayload.ReadS64(s_bytes.AsSpan(1), 1, NetlinkByteOrder.BigEndian));
    }

    [Fact]
    public void A_payload_of_exactly_the_size_is_read()
    {
        Assert.Equal(7, NetlinkPayload.ReadU8([7], 1));
        Assert.Equal(0x0807, NetlinkPayload.ReadU16([7, 8], 1));
        Assert.Equal(0x0A090807u, NetlinkPayload.ReadU32([7, 8, 9, 10], 1));
        Assert.Equal(1ul, NetlinkPayload.ReadU64([1, 0, 0, 0, 0, 0, 0, 0], 1));
        Assert.Equal(MacAddress.Parse("01:02:03:04:05:06"), NetlinkPayload.ReadMac([1, 2, 3, 4, 5, 6], 1));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(4, 3)]
    [InlineData(8, 7)]
    [InlineData(6, 5)]
    public void A_short_payload_throws_naming_the_attribute_and_both_sizes(int size, int length)
    {
        byte[] payload = new byte[length];
        NetlinkParseException e = Assert.Throws<NetlinkParseException>(() =>
        {
            _ = size switch
            {
                1 => NetlinkPayload.ReadU8(payload, 42),
                2 => NetlinkPayload.ReadU16(payload, 42),
                4 => NetlinkPayload.ReadU32(payload, 42),
                6 => NetlinkPayload.ReadMac(payload, 42).GetHashCode(),
                _ => (object)NetlinkPayload.ReadU64(payload, 42),
            };
        });
        Assert.Equal($"Attribute 42: expected {size} bytes of payload, got {length}.", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'e', (byte)'t', (byte)'h', (byte)'0', 0 }, "eth0")]
    [InlineData(new byte[] { (byte)'e', (byte)'t', (byte)'h', (byte)'0' }, "eth0")]
    [InlineData(new byte[] { (byte)'a', 0, (byte)'b', 0 }, "a")]
    [InlineData(new byte[] { 0 }, "")]
    [InlineData(new byte[0], "")]
    [InlineData(new byte[] { 0xC3, 0xA9, 0 }, "é")]
    public void A_string_ends_at_its_first_nul_or_at_the_end(byte[] payload, string expected) =>
        Assert.Equal(expected, NetlinkPayload.ReadString(payload));

    [Fact]
    public void An_address_has_4_or_16_bytes()
    {
        Assert.Equal(IPAddress.Parse("10.1.2.3"), NetlinkPayload.ReadAddress([10, 1, 2, 3], 1));
        Assert.Equal(IPAddress.Parse("fd00::1"), NetlinkPayload.ReadAddress([0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 1));
        NetlinkParseException e = Assert.Throws<NetlinkParseException>(() => NetlinkPayload.ReadAddress(new byte[5], 7));
        Assert.Equal("Attribute 7: an IP address has 4 or 16 bytes, got 5.", e.Message);
    }

    [Fact]
    public void The_reader_walks_aligned_attributes_and_masks_the_flag_bits()
    {
        byte[] data = [5, 0, 0x01, 0x80, 0xAB, 0, 0, 0, 4, 0, 0x02, 0x40, 6, 0, 0xFF, 0x3F, 1, 2];
        var reader = new NetlinkAttributeReader(data);
        Assert.Equal(0, reader.Offset);

        Assert.True(reader.TryRead(out ushort type, out ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> raw));
        Assert.Equal(1, type);
        Assert.Equal(new byte[] { 0xAB }, payload.ToArray());
        Assert.Equal(new byte[] { 5, 0, 0x01, 0x80, 0xAB }, raw.ToArray());
        Assert.Equal(8, reader.Offset);

        Assert.True(reader.TryRead(out type, out payload, out raw));
        Assert.Equal(2, type);
        Assert.True(payload.IsEmpty);
        Assert.Equal(4, raw.Length);
        Assert.Equal(12, reader.Offset);

        // The last attribute ends unaligned at the end of the data: the offset stops at the end.
        Assert.True(reader.TryRead(out type, out payload, out _));
        Assert.Equal(0x3FFF, type);
        Assert.Equal(new byte[] { 1, 2 }, payload.ToArray());
        Assert.Equal(18, reader.Offset);

        Assert.False(reader.TryRead(out type, out payload, out raw));
        Assert.Equal(0, type);
        Assert.True(payload.IsEmpty && raw.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 8, 0, 1, 0, 1, 0, 0, 0, 0 }, 9)]
    [InlineData(new byte[] { 8, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0 }, 11)]
    public void Up_to_three_zero_bytes_at_the_end_are_padding(byte[] data, int end)
    {
        var reader = new NetlinkAttributeReader(data);
        Assert.True(reader.TryRead(out _, out _, out _));
        Assert.False(reader.TryRead(out _, out _, out _));
        Assert.Equal(end, reader.Offset);
    }

    [Theory]
    [InlineData(new byte[] { 8, 0, 1, 0, 1, 0, 0, 0, 0, 1 }, "Truncated netlink attribute at offset 8: 2 bytes left.")]
    [InlineData(new byte[] { 8, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0 }, "Truncated netlink attribute at offset 8: 3 bytes left.")]
    [InlineData(new byte[] { 3, 0, 1, 0, 0, 0, 0, 0 }, "Netlink attribute type 1 at offset 0 has length 3, but 8 bytes remain.")]
    [InlineData(new byte[] { 9, 0, 2, 0x80, 0, 0, 0, 0 }, "Netlink attribute type 2 at offset 0 has length 9, but 8 bytes remain.")]
    public void A_bad_length_throws_saying_where(byte[] data, string message)
    {
        NetlinkParseException e = Assert.Throws<NetlinkParseException>(() =>
        {
            var reader = new NetlinkAttributeReader(data);
            while (reader.TryRead(out _, out _, out _))
            {
            }
        });
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void An_attribute_that_exactly_fills_the_data_is_read()
    {
        var reader = new NetlinkAttributeReader([4, 0, 7, 0]);
        Assert.True(reader.TryRead(out ushort type, out _, out _));
        Assert.Equal(7, type);
        Assert.Equal(4, reader.Offset);
    }

    [Fact]
    public void A_header_is_read_and_the_attributes_start_after_its_padding()
    {
        byte[] source = [1, 2, 3, 4, 5, 0, 0, 0, 4, 0, 9, 0];
        FiveBytes header = NetlinkAttributeReader.ReadHeader<FiveBytes>(source, out ReadOnlySpan<byte> attributes);
        Assert.Equal(new FiveBytes(1, 2, 3, 4, 5), header);
        Assert.Equal(new byte[] { 4, 0, 9, 0 }, attributes.ToArray());

        // Padding missing at the very end: no attributes, no exception.
        NetlinkAttributeReader.ReadHeader<FiveBytes>(source.AsSpan(0, 6), out attributes);
        Assert.True(attributes.IsEmpty);
        NetlinkAttributeReader.ReadHeader<FiveBytes>(source.AsSpan(0, 5), out attributes);
        Assert.True(attributes.IsEmpty);

        NetlinkParseException e = Assert.Throws<NetlinkParseException>(() => NetlinkAttributeReader.ReadHeader<FiveBytes>(source.AsSpan(0, 4).ToArray(), out _));
        Assert.Equal("Truncated FiveBytes: 4 of 5 bytes.", e.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    public void Lengths_align_up_to_4(int length, int aligned) => Assert.Equal(aligned, NetlinkAttribute.Align(length));

    [Fact]
    public void Attribute_sizes_include_the_header_and_the_padding()
    {
        Assert.Equal(4, NetlinkAttribute.SizeOf(0));
        Assert.Equal(8, NetlinkAttribute.SizeOf(1));
        Assert.Equal(8, NetlinkAttribute.SizeOf(4));
        Assert.Equal(12, NetlinkAttribute.SizeOfString("abcd"));
        Assert.Equal(8, NetlinkAttribute.SizeOfString("é"));
        Assert.Equal(8, NetlinkAttribute.SizeOfAddress(IPAddress.Parse("10.0.0.1")));
        Assert.Equal(20, NetlinkAttribute.SizeOfAddress(IPAddress.Parse("fd00::1")));
        Assert.Equal(8, NetlinkAttribute.SizeOfHeader<FiveBytes>());
    }

    [Fact]
    public void The_serializer_writes_to_a_span_an_array_and_a_buffer_writer_alike()
    {
        var value = new SampleInner { Value = 7, Label = "x" };
        byte[] expected = [8, 0, 1, 0, 7, 0, 0, 0, 6, 0, 2, 0, (byte)'x', 0, 0, 0];

        Assert.Equal(expected, NetlinkSerializer.ToArray(value));

        byte[] span = new byte[32];
        Assert.Equal(expected.Length, NetlinkSerializer.Write(value, span));
        Assert.Equal(expected, span[..expected.Length]);

        var output = new ArrayBufferWriter<byte>();
        output.Write<byte>([0xEE]);
        NetlinkSerializer.Write(value, output);
        NetlinkSerializer.Write(value, output);
        Assert.Equal([0xEE, .. expected, .. expected], output.WrittenSpan.ToArray());
    }

    [Fact]
    public void TryRead_returns_the_value_or_the_parse_error()
    {
        Assert.True(NetlinkSerializer.TryRead([8, 0, 1, 0, 7, 0, 0, 0], out SampleInner? value, out string? error));
        Assert.Equal(7u, value!.Value);
        Assert.Null(error);

        Assert.False(NetlinkSerializer.TryRead([9, 0, 1, 0, 7, 0, 0, 0], out value, out error));
        Assert.Null(value);
        Assert.Equal("Netlink attribute type 1 at offset 0 has length 9, but 8 bytes remain.", error);
    }
}
