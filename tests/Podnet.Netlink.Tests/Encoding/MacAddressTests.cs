namespace Podnet.Netlink.Tests.Encoding;

public sealed class MacAddressTests
{
    [Fact]
    public void The_six_bytes_go_in_and_come_out_in_order()
    {
        byte[] bytes = [0x0F, 0xF0, 0xA5, 0x5A, 0x01, 0x10];
        var mac = new MacAddress(bytes);
        byte[] copy = new byte[8];
        copy.AsSpan().Fill(0xEE);
        mac.CopyTo(copy);
        Assert.Equal(new byte[] { 0x0F, 0xF0, 0xA5, 0x5A, 0x01, 0x10, 0xEE, 0xEE }, copy);
        Assert.Equal("0f:f0:a5:5a:01:10", mac.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    public void Only_six_bytes_make_an_address(int length)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new MacAddress(new byte[length]));
        Assert.Equal("bytes", e.ParamName);
        Assert.StartsWith("A MAC address has exactly 6 bytes.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01:00:5e:00:00:01", true)]
    [InlineData("01:00:00:00:00:00", true)]
    [InlineData("ff:ff:ff:ff:ff:ff", true)]
    [InlineData("fe:ff:ff:ff:ff:ff", false)]
    [InlineData("02:42:ac:11:00:02", false)]
    [InlineData("00:00:00:00:00:01", false)]
    [InlineData("00:01:00:00:00:00", false)]
    public void The_group_bit_is_the_lowest_bit_of_the_first_byte(string text, bool multicast) =>
        Assert.Equal(multicast, MacAddress.Parse(text).IsMulticast);

    [Theory]
    [InlineData("00:00:00:00:00:00", true)]
    [InlineData("00:00:00:00:00:01", false)]
    [InlineData("80:00:00:00:00:00", false)]
    public void Zero_is_all_six_bytes_zero(string text, bool zero) => Assert.Equal(zero, MacAddress.Parse(text).IsZero);

    [Theory]
    [InlineData("0a:1B:2c:3D:4e:5F", "0a:1b:2c:3d:4e:5f")]
    [InlineData("0a-1b-2c-3d-4e-5f", "0a:1b:2c:3d:4e:5f")]
    [InlineData("0a:1b-2c:3d-4e:5f", "0a:1b:2c:3d:4e:5f")]
    [InlineData("ff:ff:ff:ff:ff:ff", "ff:ff:ff:ff:ff:ff")]
    public void Colons_or_dashes_and_either_case_parse_and_format_lower_case_with_colons(string text, string formatted)
    {
        Assert.True(MacAddress.TryParse(text, out MacAddress mac));
        Assert.Equal(formatted, mac.ToString());
        Assert.Equal(formatted, mac.ToString(null, null));
        Assert.Equal(MacAddress.Parse(text), mac);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0a:1b:2c:3d:4e:5")]
    [InlineData("0a:1b:2c:3d:4e:5f:")]
    [InlineData("0a:1b:2c:3d:4e.5f")]
    [InlineData("0a.1b:2c:3d:4e:5f")]
    [InlineData("0a:1b:2c:3d:4e:5g")]
    [InlineData("g0:1b:2c:3d:4e:5f")]
    [InlineData("0a:1b:2c:3d:4e:+f")]
    [InlineData("0a1b2c3d4e5f00000")]
    [InlineData("0a::1b2c:3d:4e:5f")]
    public void Anything_else_does_not_parse(string text)
    {
        Assert.False(MacAddress.TryParse(text, out MacAddress mac));
        Assert.Equal(default, mac);
        FormatException e = Assert.Throws<FormatException>(() => MacAddress.Parse(text));
        Assert.Equal($"'{text}' is not a MAC address (expected aa:bb:cc:dd:ee:ff).", e.Message);
    }

    [Fact]
    public void Equality_compares_all_six_bytes()
    {
        MacAddress a = MacAddress.Parse("02:00:00:00:00:01");
        MacAddress same = MacAddress.Parse("02-00-00-00-00-01");
        MacAddress other = MacAddress.Parse("02:00:00:00:00:02");
        MacAddress high = MacAddress.Parse("03:00:00:00:00:01");

        Assert.True(a.Equals(same));
        Assert.True(a == same);
        Assert.False(a != same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.False(a.Equals(other));
        Assert.False(a == other);
        Assert.True(a != other);
        Assert.False(a.Equals(high));
        Assert.True(a.Equals((object)same));
        Assert.False(a.Equals((object)other));
        Assert.False(a.Equals("02:00:00:00:00:01"));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Formatting_needs_17_characters_and_writes_exactly_17()
    {
        MacAddress mac = MacAddress.Parse("f0:0d:00:00:be:ef");
        char[] small = new char[16];
        Assert.False(mac.TryFormat(small, out int none, default, null));
        Assert.Equal(0, none);
        Assert.All(small, c => Assert.Equal('\0', c));

        char[] exact = new char[17];
        Assert.True(mac.TryFormat(exact, out int written, default, null));
        Assert.Equal(17, written);
        Assert.Equal("f0:0d:00:00:be:ef", new string(exact));

        char[] large = new char[20];
        large.AsSpan().Fill('#');
        Assert.True(mac.TryFormat(large, out written, default, null));
        Assert.Equal(17, written);
        Assert.Equal("f0:0d:00:00:be:ef###", new string(large));
        Assert.Equal("f0:0d:00:00:be:ef", $"{mac}");
    }
}
