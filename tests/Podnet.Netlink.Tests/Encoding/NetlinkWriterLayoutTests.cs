using System.Net;
using System.Runtime.InteropServices;

namespace Podnet.Netlink.Tests.Encoding;

/// <summary>
/// Every <see cref="NetlinkWriter"/> method, byte for byte: header, payload, padding (written over a buffer full of
/// 0xAA, so padding that is not zeroed shows), position, and the limits of the attribute and the buffer.
/// </summary>
public sealed class NetlinkWriterLayoutTests
{
    private const byte Dirty = 0xAA;

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private readonly record struct FiveBytes(byte A, byte B, byte C, byte D, byte E);

    private static byte[] Write(int capacity, WriteAction action)
    {
        byte[] buffer = new byte[capacity];
        buffer.AsSpan().Fill(Dirty);
        var writer = new NetlinkWriter(buffer);
        action(ref writer);
        Assert.Equal(0, writer.Position % 4);
        return writer.Written.ToArray();
    }

    private delegate void WriteAction(ref NetlinkWriter writer);

    [Fact]
    public void A_new_writer_is_at_offset_0_with_nothing_written()
    {
        var writer = new NetlinkWriter(new byte[8]);
        Assert.Equal(0, writer.Position);
        Assert.True(writer.Written.IsEmpty);
    }

    [Fact]
    public void A_header_is_copied_and_padded_with_zeros_to_4_bytes()
    {
        byte[] written = Write(16, (ref w) => w.WriteHeader(new FiveBytes(1, 2, 3, 4, 5)));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 0, 0, 0 }, written);
    }

    [Fact]
    public void Raw_bytes_are_copied_and_padded_with_zeros()
    {
        byte[] written = Write(16, (ref w) => w.WriteRaw([1, 2, 3, 4, 5]));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 0, 0, 0 }, written);
    }

    [Fact]
    public void A_flag_is_a_bare_4_byte_header()
    {
        byte[] written = Write(8, (ref w) => w.WriteFlag(0x123));
        Assert.Equal(new byte[] { 4, 0, 0x23, 0x01 }, written);
    }

    [Fact]
    public void Eight_bit_values_take_one_byte_and_three_of_padding()
    {
        Assert.Equal(new byte[] { 5, 0, 7, 0, 0xFE, 0, 0, 0 }, Write(8, (ref w) => w.WriteU8(7, 0xFE)));
        Assert.Equal(new byte[] { 5, 0, 7, 0, 0xFF, 0, 0, 0 }, Write(8, (ref w) => w.WriteS8(7, -1)));
    }

    [Fact]
    public void Sixteen_bit_values_are_native_or_big_endian()
    {
        Assert.Equal(new byte[] { 6, 0, 2, 0, 0x34, 0x12, 0, 0 }, Write(8, (ref w) => w.WriteU16(2, 0x1234)));
        Assert.Equal(new byte[] { 6, 0, 2, 0, 0x12, 0x34, 0, 0 }, Write(8, (ref w) => w.WriteU16(2, 0x1234, NetlinkByteOrder.BigEndian)));
        Assert.Equal(new byte[] { 6, 0, 2, 0, 0xFE, 0xFF, 0, 0 }, Write(8, (ref w) => w.WriteS16(2, -2)));
        Assert.Equal(new byte[] { 6, 0, 2, 0, 0xFF, 0xFE, 0, 0 }, Write(8, (ref w) => w.WriteS16(2, -2, NetlinkByteOrder.BigEndian)));
    }

    [Fact]
    public void Thirty_two_bit_values_are_native_or_big_endian()
    {
        Assert.Equal(new byte[] { 8, 0, 3, 0, 0x78, 0x56, 0x34, 0x12 }, Write(8, (ref w) => w.WriteU32(3, 0x12345678)));
        Assert.Equal(new byte[] { 8, 0, 3, 0, 0x12, 0x34, 0x56, 0x78 }, Write(8, (ref w) => w.WriteU32(3, 0x12345678, NetlinkByteOrder.BigEndian)));
        Assert.Equal(new byte[] { 8, 0, 3, 0, 0xFE, 0xFF, 0xFF, 0xFF }, Write(8, (ref w) => w.WriteS32(3, -2)));
        Assert.Equal(new byte[] { 8, 0, 3, 0, 0xFF, 0xFF, 0xFF, 0xFE }, Write(8, (ref w) => w.WriteS32(3, -2, NetlinkByteOrder.BigEndian)));
    }

    [Fact]
    public void Sixty_four_bit_values_are_native_or_big_endian()
    {
        Assert.Equal(new byte[] { 12, 0, 4, 0, 8, 7, 6, 5, 4, 3, 2, 1 }, Write(12, (ref w) => w.WriteU64(4, 0x0102030405060708)));
        Assert.Equal(new byte[] { 12, 0, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8 }, Write(12, (ref w) => w.WriteU64(4, 0x0102030405060708, NetlinkByteOrder.BigEndian)));
        Assert.Equal(new byte[] { 12, 0, 4, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, Write(12, (ref w) => w.WriteS64(4, -2)));
        Assert.Equal(new byte[] { 12, 0, 4, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE }, Write(12, (ref w) => w.WriteS64(4, -2, NetlinkByteOrder.BigEndian)));
    }

    [Theory]
    [InlineData("", new byte[] { 5, 0, 9, 0, 0, 0, 0, 0 })]
    [InlineData("abc", new byte[] { 8, 0, 9, 0, (byte)'a', (byte)'b', (byte)'c', 0 })]
    [InlineData("abcd", new byte[] { 9, 0, 9, 0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', 0, 0, 0, 0 })]
    [InlineData("é", new byte[] { 7, 0, 9, 0, 0xC3, 0xA9, 0, 0 })]
    [InlineData("aé", new byte[] { 8, 0, 9, 0, (byte)'a', 0xC3, 0xA9, 0 })]
    public void A_string_is_utf8_nul_terminated_and_zero_padded(string value, byte[] expected) =>
        Assert.Equal(expected, Write(16, (ref w) => w.WriteString(9, value)));

    [Fact]
    public void A_string_after_other_attributes_starts_at_the_current_position()
    {
        byte[] written = Write(32, (ref w) =>
        {
            w.WriteFlag(1);
            w.WriteString(2, "ab");
            w.WriteString(3, "é");
        });
        Assert.Equal(new byte[] { 4, 0, 1, 0, 7, 0, 2, 0, (byte)'a', (byte)'b', 0, 0, 7, 0, 3, 0, 0xC3, 0xA9, 0, 0 }, written);
    }

    [Fact]
    public void A_string_that_exactly_fills_the_buffer_is_written()
    {
        Assert.Equal(new byte[] { 8, 0, 1, 0, (byte)'x', (byte)'y', (byte)'z', 0 }, Write(8, (ref w) => w.WriteString(1, "xyz")));
        Assert.Equal(new byte[] { 7, 0, 1, 0, 0xC3, 0xA9, 0, 0 }, Write(8, (ref w) => w.WriteString(1, "é")));
    }

    [Theory]
    [InlineData("abcd")]
    [InlineData("éé")]
    [InlineData("")]
    public void A_string_that_does_not_fit_throws_and_the_message_names_the_sizes(string value)
    {
        byte[] buffer = new byte[8];
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
        {
            var writer = new NetlinkWriter(buffer);
            writer.WriteFlag(1);
            writer.WriteString(1, value);
        });
        Assert.Equal($"Netlink buffer too small: {NetlinkAttribute.SizeOfString(value)} more bytes needed at offset 4 of 8.", e.Message);
    }

    [Theory]
    [InlineData(6, "ab")]
    [InlineData(7, "")]
    [InlineData(12, "abcd")]
    [InlineData(12, "abcdefg")]
    public void A_string_that_does_not_fit_after_an_attribute_throws_only_the_buffer_error(int capacity, string value)
    {
        // Fewer than 4 bytes left, or room for the header but not the aligned string: the buffer error, nothing else.
        byte[] buffer = new byte[capacity];
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
        {
            var writer = new NetlinkWriter(buffer);
            writer.WriteFlag(1);
            writer.WriteString(2, value);
        });
        Assert.Equal($"Netlink buffer too small: {NetlinkAttribute.SizeOfString(value)} more bytes needed at offset 4 of {capacity}.", e.Message);
    }

    [Fact]
    public void The_longest_string_fills_an_attribute_to_65535_bytes_and_a_longer_one_throws()
    {
        string longest = new('a', ushort.MaxValue - NetlinkAttribute.HeaderSize - 1);
        byte[] written = Write(65536, (ref w) => w.WriteString(1, longest));
        Assert.Equal(65536, written.Length);
        Assert.Equal(ushort.MaxValue, BitConverter.ToUInt16(written, 0));
        Assert.Equal(0, written[^1]);

        byte[] buffer = new byte[70000];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var writer = new NetlinkWriter(buffer);
            writer.WriteString(1, longest + "a");
        });
    }

    [Fact]
    public void A_binary_attribute_of_the_largest_size_is_written_and_one_byte_more_throws()
    {
        byte[] largest = new byte[ushort.MaxValue - NetlinkAttribute.HeaderSize];
        largest.AsSpan().Fill(1);
        byte[] written = Write(65536, (ref w) => w.WriteBinary(5, largest));
        Assert.Equal(ushort.MaxValue, BitConverter.ToUInt16(written, 0));
        Assert.Equal(0, written[^1]);
        Assert.Equal(1, written[^2]);

        byte[] buffer = new byte[70000];
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var writer = new NetlinkWriter(buffer);
            writer.WriteBinary(5, new byte[largest.Length + 1]);
        });
        Assert.Equal("payloadLength", e.ParamName);
        Assert.StartsWith("A netlink attribute holds at most 65531 bytes.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_mac_and_address_attributes_carry_their_bytes()
    {
        Assert.Equal(new byte[] { 7, 0, 1, 0, 9, 8, 7, 0 }, Write(8, (ref w) => w.WriteBinary(1, [9, 8, 7])));
        Assert.Equal(new byte[] { 10, 0, 2, 0, 0x02, 0, 0, 0, 0, 0xAB, 0, 0 }, Write(12, (ref w) => w.WriteMac(2, MacAddress.Parse("02:00:00:00:00:ab"))));
        Assert.Equal(new byte[] { 8, 0, 3, 0, 10, 1, 2, 3 }, Write(8, (ref w) => w.WriteAddress(3, IPAddress.Parse("10.1.2.3"))));
        byte[] v6 = Write(20, (ref w) => w.WriteAddress(4, IPAddress.Parse("fd00::1")));
        Assert.Equal(new byte[] { 20, 0, 4, 0, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, v6);
    }

    [Fact]
    public void A_nested_attribute_started_after_others_patches_its_own_length()
    {
        byte[] written = Write(32, (ref w) =>
        {
            w.WriteFlag(1);
            int start = w.BeginNested(2);
            Assert.Equal(4, start);
            w.WriteU8(3, 1);
            w.EndNested(start);
        });
        Assert.Equal(new byte[] { 4, 0, 1, 0, 12, 0, 2, 0x80, 5, 0, 3, 0, 1, 0, 0, 0 }, written);
    }

    [Fact]
    public void A_nested_attribute_longer_than_65535_bytes_throws()
    {
        byte[] buffer = new byte[140000];
        Assert.Throws<OverflowException>(() =>
        {
            var writer = new NetlinkWriter(buffer);
            int start = writer.BeginNested(1);
            writer.WriteBinary(2, new byte[40000]);
            writer.WriteBinary(2, new byte[40000]);
            writer.EndNested(start);
        });
    }

    [Fact]
    public void A_message_header_is_written_and_its_length_patched_at_its_start()
    {
        byte[] written = Write(48, (ref w) =>
        {
            w.WriteFlag(9);
            int start = w.BeginMessage(0x1234, 0x0305, 0xA1A2A3A4, 0xB1B2B3B4);
            Assert.Equal(4, start);

            // nlmsg_len is 0 until EndMessage patches it.
            Assert.Equal(new byte[] { 0, 0, 0, 0 }, w.Written[4..8].ToArray());
            w.WriteU32(1, 5);
            w.EndMessage(start);
        });
        Assert.Equal(
            new byte[]
            {
                4, 0, 9, 0,
                24, 0, 0, 0, 0x34, 0x12, 0x05, 0x03, 0xA4, 0xA3, 0xA2, 0xA1, 0xB4, 0xB3, 0xB2, 0xB1,
                8, 0, 1, 0, 5, 0, 0, 0,
            },
            written);
    }

    [Fact]
    public void Filling_the_buffer_exactly_works_and_one_byte_more_throws()
    {
        Assert.Equal(new byte[] { 8, 0, 1, 0, 1, 0, 0, 0 }, Write(8, (ref w) => w.WriteU32(1, 1)));
        byte[] buffer = new byte[11];
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
        {
            var writer = new NetlinkWriter(buffer);
            writer.WriteFlag(1);
            writer.WriteU32(1, 1);
        });
        Assert.Equal("Netlink buffer too small: 8 more bytes needed at offset 4 of 11.", e.Message);
    }
}
