using Podnet.Netlink.Route;

namespace Podnet.Netlink.Tests.Route;

/// <summary>Tunnel links (ipip, sit, ip6tnl) carry 4- or 16-byte link-layer addresses, not MACs.</summary>
public sealed class LinkAddressSizeTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void A_link_layer_address_that_is_not_a_mac_is_kept_raw_and_written_back(int size)
    {
        byte[] message = new byte[16 + NetlinkAttribute.SizeOf(size) + NetlinkAttribute.SizeOf(6)];
        var writer = new NetlinkWriter(message);
        writer.WriteHeader(new InterfaceInfoHeader { Index = 7 });
        writer.WriteBinary(1, Enumerable.Range(1, size).Select(i => (byte)i).ToArray());
        writer.WriteString(3, "tun0");

        LinkMessage link = LinkMessage.Read(message.AsSpan(0, writer.Position));

        Assert.Null(link.Address);
        Assert.Equal("tun0", link.Name);
        Assert.Equal(NetlinkAttribute.SizeOf(size), link.UnknownAttributes.Length);
        byte[] rewritten = NetlinkSerializer.ToArray(link);
        Assert.Equal(writer.Position, rewritten.Length);
        Assert.True(rewritten.AsSpan(16, NetlinkAttribute.SizeOf(6)).SequenceEqual(message.AsSpan(16 + NetlinkAttribute.SizeOf(size), NetlinkAttribute.SizeOf(6))));
    }

    [Fact]
    public void A_six_byte_address_is_a_mac()
    {
        var link = new LinkMessage { Address = MacAddress.Parse("02:00:00:00:00:01") };
        LinkMessage parsed = LinkMessage.Read(NetlinkSerializer.ToArray(link));
        Assert.Equal(MacAddress.Parse("02:00:00:00:00:01"), parsed.Address);
        Assert.True(parsed.UnknownAttributes.IsEmpty);
    }
}
