namespace Podnet.Netlink.Tests.Encoding;

public sealed class NetlinkWriterTests
{
    [Fact]
    public void String_attribute_is_nul_terminated_and_padding_is_zeroed()
    {
        Span<byte> buffer = stackalloc byte[16];
        buffer.Fill(0xAA);
        var writer = new NetlinkWriter(buffer);
        writer.WriteString(3, "eth0");

        Assert.Equal(12, writer.Position);
        Assert.Equal(new byte[] { 9, 0, 3, 0, (byte)'e', (byte)'t', (byte)'h', (byte)'0', 0, 0, 0, 0 }, writer.Written.ToArray());
    }

    [Fact]
    public void Nested_attribute_sets_the_nested_flag_and_patches_its_length()
    {
        Span<byte> buffer = stackalloc byte[32];
        var writer = new NetlinkWriter(buffer);
        int start = writer.BeginNested(18);
        writer.WriteU32(1, 7);
        writer.EndNested(start);

        Assert.Equal(new byte[] { 12, 0, 18, 0x80, 8, 0, 1, 0, 7, 0, 0, 0 }, writer.Written.ToArray());
    }

    [Fact]
    public void Reader_rejects_a_length_that_runs_past_the_end()
    {
        byte[] data = [40, 0, 3, 0, (byte)'x', 0, 0, 0];
        Assert.Throws<NetlinkParseException>(() =>
        {
            var reader = new NetlinkAttributeReader(data);
            reader.TryRead(out _, out _, out _);
        });
    }
}
