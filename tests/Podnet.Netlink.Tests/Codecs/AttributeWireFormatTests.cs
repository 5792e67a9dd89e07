using System.Buffers.Binary;
using System.Net;
using Podnet.Netlink.Tests.Codecs.Sets;
using static Podnet.Netlink.Tests.Codecs.AttributeBytes;

namespace Podnet.Netlink.Tests.Codecs;

/// <summary>Byte-level behaviour of generated codecs against hand-built input.</summary>
public sealed class AttributeWireFormatTests
{
    [Fact]
    public void Strings_parse_with_and_without_a_terminating_NUL()
    {
        SampleInner withNul = SampleInner.Read(Attribute(2, [.. "eth0"u8, 0]));
        SampleInner withoutNul = SampleInner.Read(Attribute(2, [.. "eth0"u8]));

        Assert.Equal("eth0", withNul.Label);
        Assert.Equal("eth0", withoutNul.Label);
    }

    [Fact]
    public void Strings_are_written_with_a_NUL_and_zero_padding()
    {
        byte[] bytes = NetlinkSerializer.ToArray(new SampleInner { Label = "ab" });

        Assert.Equal(new byte[] { 7, 0, 2, 0, (byte)'a', (byte)'b', 0, 0 }, bytes);
    }

    [Fact]
    public void Nested_and_byte_order_flag_bits_on_input_are_masked()
    {
        byte[] input = Concat(
            EmptyHeader,
            U32(5 | NetlinkAttribute.NetByteOrderFlag, 42),
            Nested(20 | NetlinkAttribute.NestedFlag, U32(1, 7)),
            Nested(20 | NetlinkAttribute.NestedFlag | NetlinkAttribute.NetByteOrderFlag, U32(1, 8)));

        SampleMessage message = SampleMessage.Read(input);

        Assert.Equal(42u, message.U32);
        Assert.Equal(8u, message.Inner?.Value);
        Assert.True(message.UnknownAttributes.IsEmpty);
    }

    [Fact]
    public void Nested_attributes_are_written_with_NLA_F_NESTED()
    {
        byte[] bytes = NetlinkSerializer.ToArray(new SampleMessage { Inner = new SampleInner { Value = 1 } });

        int offset = FindAttribute(bytes.AsSpan(8), 20);
        ushort rawType = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8 + offset + 2));
        Assert.Equal(NetlinkAttribute.NestedFlag | 20, rawType);
    }

    [Fact]
    public void Attributes_in_reverse_order_parse()
    {
        byte[] forward = NetlinkSerializer.ToArray(new SampleMessage { U32 = 1, Name = "x", Kind = "alpha", Data = new SampleAlphaData { Mode = 3 } });
        List<byte[]> attributes = SplitAttributes(forward.AsSpan(8));
        attributes.Reverse();

        SampleMessage parsed = SampleMessage.Read(Concat([forward[..8], .. attributes]));

        Assert.Equal(1u, parsed.U32);
        Assert.Equal("x", parsed.Name);
        Assert.Equal((ushort)3, Assert.IsType<SampleAlphaData>(parsed.Data).Mode);
    }

    [Fact]
    public void Sub_message_selector_after_the_data_attribute_resolves()
    {
        byte[] input = Concat(
            EmptyHeader,
            Nested(27, Attribute(2)),
            Attribute(28, [.. "beta"u8, 0]));

        SampleMessage parsed = SampleMessage.Read(input);

        Assert.True(Assert.IsType<SampleBetaData>(parsed.Data).Learning);
    }

    [Fact]
    public void Sub_message_with_an_unknown_selector_is_kept_as_an_unknown_attribute()
    {
        byte[] data = Nested(27 | NetlinkAttribute.NestedFlag, U32(1, 99));
        byte[] input = Concat(EmptyHeader, Attribute(28, [.. "vxlan"u8, 0]), data);

        SampleMessage parsed = SampleMessage.Read(input);

        Assert.Null(parsed.Data);
        Assert.Equal("vxlan", parsed.Kind);
        Assert.Equal(data, parsed.UnknownAttributes.ToArray());
        byte[] written = NetlinkSerializer.ToArray(parsed);
        Assert.Equal(data, written[^data.Length..]);
    }

    [Fact]
    public void Unknown_attributes_are_kept_in_order_and_written_back()
    {
        byte[] unknownA = Attribute(100, 1, 2, 3);
        byte[] unknownB = U32(0x3FFF, 0xDEADBEEF);
        byte[] input = Concat(EmptyHeader, unknownA, U32(5, 7), unknownB);

        SampleMessage parsed = SampleMessage.Read(input);

        Assert.Equal(7u, parsed.U32);
        Assert.Equal(Concat(unknownA, unknownB), parsed.UnknownAttributes.ToArray());
        byte[] written = NetlinkSerializer.ToArray(parsed);
        Assert.Equal(Concat(unknownA, unknownB), written[^(unknownA.Length + unknownB.Length)..]);
    }

    [Fact]
    public void The_last_occurrence_of_a_non_repeated_attribute_wins()
    {
        SampleMessage parsed = SampleMessage.Read(Concat(EmptyHeader, U32(5, 1), U32(5, 2)));

        Assert.Equal(2u, parsed.U32);
    }

    [Fact]
    public void Repeated_attributes_keep_every_occurrence_in_order()
    {
        SampleMessage parsed = SampleMessage.Read(Concat(
            EmptyHeader,
            U32(22, 3),
            Nested(24, U32(1, 10)),
            U32(22, 1),
            Nested(24, U32(1, 20)),
            U32(22, 2)));

        Assert.Equal([3u, 1u, 2u], parsed.Numbers);
        Assert.Equal([10u, 20u], parsed.Inners!.Select(i => i.Value!.Value));
    }

    [Fact]
    public void Big_endian_integers_are_written_in_network_order()
    {
        byte[] bytes = NetlinkSerializer.ToArray(new SampleMessage { Port = 0x1234, BigU64 = 0x0102030405060708 });

        int port = FindAttribute(bytes.AsSpan(8), 9);
        int big = FindAttribute(bytes.AsSpan(8), 10);
        Assert.Equal(new byte[] { 0x12, 0x34 }, bytes[(8 + port + 4)..(8 + port + 6)]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, bytes[(8 + big + 4)..(8 + big + 12)]);
    }

    [Fact]
    public void Flags_are_written_only_when_true()
    {
        byte[] on = NetlinkSerializer.ToArray(new SampleMessage { Up = true });
        byte[] off = NetlinkSerializer.ToArray(new SampleMessage { Up = false });

        Assert.True(FindAttribute(on.AsSpan(8), 12) >= 0);
        Assert.Equal(-1, FindAttribute(off.AsSpan(8), 12));
        Assert.True(SampleMessage.Read(on).Up);
        Assert.False(SampleMessage.Read(off).Up);
    }

    [Fact]
    public void Addresses_use_4_or_16_bytes_by_family()
    {
        var message = new SampleMessage { Address4 = IPAddress.Parse("10.1.2.3"), Address6 = IPAddress.Parse("fd00::1") };

        byte[] bytes = NetlinkSerializer.ToArray(message);

        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8 + FindAttribute(bytes.AsSpan(8), 18))));
        Assert.Equal(20, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8 + FindAttribute(bytes.AsSpan(8), 19))));
        SampleMessage parsed = SampleMessage.Read(bytes);
        Assert.Equal(message.Address4, parsed.Address4);
        Assert.Equal(message.Address6, parsed.Address6);
    }

    [Fact]
    public void A_nested_set_with_a_header_writes_the_header_first()
    {
        var beta = new SampleBetaData { Peer = new SamplePeer { Header = new SampleHeader { Index = 0x01020304 }, Name = "peer" } };

        byte[] bytes = NetlinkSerializer.ToArray(beta);

        // [peer attr hdr 4][SampleHeader 8][name attr]
        Assert.Equal(NetlinkAttribute.NestedFlag | 1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2)));
        Assert.Equal(0x01020304, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4 + 4)));
        Assert.Equal("peer", System.Text.Encoding.UTF8.GetString(bytes.AsSpan(4 + 8 + 4, 4)));
        Assert.Equal(0x01020304, SampleBetaData.Read(bytes).Peer!.Header.Index);
    }

    [Fact]
    public void Protocol_comes_from_the_message_attribute()
    {
        Assert.Equal(NetlinkProtocol.Route, SampleMessage.Protocol);
    }

    private static int FindAttribute(ReadOnlySpan<byte> attributes, ushort type)
    {
        int offset = 0;
        while (offset + 4 <= attributes.Length)
        {
            ushort length = BinaryPrimitives.ReadUInt16LittleEndian(attributes[offset..]);
            if ((BinaryPrimitives.ReadUInt16LittleEndian(attributes[(offset + 2)..]) & NetlinkAttribute.TypeMask) == type)
            {
                return offset;
            }

            offset += (length + 3) & ~3;
        }

        return -1;
    }

    private static List<byte[]> SplitAttributes(ReadOnlySpan<byte> attributes)
    {
        var result = new List<byte[]>();
        int offset = 0;
        while (offset < attributes.Length)
        {
            int aligned = (BinaryPrimitives.ReadUInt16LittleEndian(attributes[offset..]) + 3) & ~3;
            result.Add(attributes.Slice(offset, aligned).ToArray());
            offset += aligned;
        }

        return result;
    }
}
