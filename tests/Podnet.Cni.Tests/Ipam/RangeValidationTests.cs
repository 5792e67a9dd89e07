using System.Net;
using Podnet.Cni.Ipam;

namespace Podnet.Cni.Tests.Ipam;

public sealed class RangeValidationTests
{
    // Each case: range sets as "subnet[,rangeStart,rangeEnd,gateway]" ranges joined by '|', sets by ';'.
    // Messages are the reference host-local's (checked against /usr/lib/cni/host-local v1.1.1),
    // except the two documented stricter checks (gateway outside subnet, start after default end).
    [Theory]
    [InlineData("10.0.0.1/24", "invalid range set 0: Network has host bits set. For a subnet mask of length 24 the network address is 10.0.0.0")]
    [InlineData("fd00::1/64", "invalid range set 0: Network has host bits set. For a subnet mask of length 64 the network address is fd00::")]
    [InlineData("10.0.0.0/32", "invalid range set 0: Network 10.0.0.0/32 too small to allocate from")]
    [InlineData("10.0.0.0/31", "invalid range set 0: Network 10.0.0.0/31 too small to allocate from")]
    [InlineData("fd00::/127", "invalid range set 0: Network fd00::/127 too small to allocate from")]
    [InlineData("fd00::/128", "invalid range set 0: Network fd00::/128 too small to allocate from")]
    [InlineData("10.0.0.0/24,10.0.1.5,,", "invalid range set 0: RangeStart 10.0.1.5 not in network 10.0.0.0/24")]
    [InlineData("10.0.0.0/24,,10.0.1.5,", "invalid range set 0: RangeEnd 10.0.1.5 not in network 10.0.0.0/24")]
    [InlineData("10.0.0.0/24,10.0.0.50,10.0.0.40,", "invalid range set 0: RangeStart 10.0.0.50 not in network 10.0.0.0/24")]
    [InlineData("10.0.0.0/24,,10.0.0.0,", "invalid range set 0: RangeEnd 10.0.0.0 not in network 10.0.0.0/24")]
    [InlineData("10.0.0.0/24,fd00::5,,", "invalid range set 0: RangeStart fd00::5 not in network 10.0.0.0/24")]
    [InlineData("10.0.0.0/24,10.0.0.255,,", "invalid range set 0: RangeStart 10.0.0.255 is after RangeEnd 10.0.0.254")]
    [InlineData("10.0.0.0/24,,,10.9.9.9", "invalid range set 0: Gateway 10.9.9.9 not in network 10.0.0.0/24")]
    [InlineData("10.0.0.0/24,,,fd00::1", "invalid range set 0: Gateway fd00::1 not in network 10.0.0.0/24")]
    [InlineData("::ffff:10.0.0.0/120", "invalid range set 0: IPNet IP and Mask version mismatch")]
    [InlineData("10.0.0.0/24|10.0.0.0/25", "invalid range set 0: subnets 10.0.0.1-10.0.0.254 and 10.0.0.1-10.0.0.126 overlap")]
    [InlineData("10.0.0.0/24,10.0.0.10,10.0.0.20,|10.0.0.0/24,10.0.0.20,10.0.0.30,", "invalid range set 0: subnets 10.0.0.10-10.0.0.20 and 10.0.0.20-10.0.0.30 overlap")]
    [InlineData("10.0.0.0/24|fd00::/64", "invalid range set 0: mixed address families")]
    [InlineData("10.0.0.0/24;10.0.0.128/25", "range set 0 overlaps with 1")]
    [InlineData("10.1.0.0/24;fd00::/64;10.1.0.0/16", "range set 0 overlaps with 2")]
    [InlineData("10.1.0.0/24;10.0.0.0/24|10.0.0.1/24", "invalid range set 1: Network has host bits set. For a subnet mask of length 24 the network address is 10.0.0.0")]
    [InlineData("", "no IP ranges specified")]
    public void Invalid_configuration_is_rejected_with_code_7_and_the_reference_message(string ranges, string message)
    {
        IpamException error = Assert.Throws<IpamException>(() => Parse(ranges).CreateRangeSets());
        Assert.Equal(IpamErrorCode.InvalidNetworkConfig, error.CniErrorCode);
        Assert.Equal(7, error.CniErrorCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_empty_range_set_is_rejected()
    {
        var config = new IpamConfig([[]]);
        IpamException error = Assert.Throws<IpamException>(() => config.CreateRangeSets());
        Assert.Equal(7, error.CniErrorCode);
        Assert.Equal("invalid range set 0: empty range set", error.Message);
    }

    [Theory]
    [InlineData("10.0.0.0/24", "10.0.0.1", "10.0.0.254", "10.0.0.1")]
    [InlineData("10.0.0.0/30", "10.0.0.1", "10.0.0.2", "10.0.0.1")]
    [InlineData("fd00::/64", "fd00::1", "fd00::ffff:ffff:ffff:ffff", "fd00::1")]
    [InlineData("fd00::/126", "fd00::1", "fd00::3", "fd00::1")]
    [InlineData("10.0.0.0/24,10.0.0.10,10.0.0.20,10.0.0.15", "10.0.0.10", "10.0.0.20", "10.0.0.15")]
    public void Defaults_follow_the_reference(string range, string start, string end, string gateway)
    {
        IpRange canonical = Parse(range).CreateRangeSets()[0].Ranges[0];
        Assert.Equal(IPAddress.Parse(start), canonical.RangeStart);
        Assert.Equal(IPAddress.Parse(end), canonical.RangeEnd);
        Assert.Equal(IPAddress.Parse(gateway), canonical.Gateway);
    }

    [Fact]
    public void Disjoint_ranges_of_one_subnet_and_dual_stack_sets_are_accepted()
    {
        IReadOnlyList<IpRangeSet> sets = Parse("10.0.0.0/24,10.0.0.10,10.0.0.19,|10.0.0.0/24,10.0.0.20,10.0.0.30,;fd00::/64").CreateRangeSets();
        Assert.Equal(2, sets.Count);
        Assert.Equal("10.0.0.10-10.0.0.19,10.0.0.20-10.0.0.30", sets[0].ToString());
        Assert.True(sets[1].IsIPv6);
        Assert.True(sets[0].Contains(IPAddress.Parse("10.0.0.25")));
        Assert.False(sets[0].Contains(IPAddress.Parse("10.0.0.31")));
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/024")]
    [InlineData("010.0.0.0/24")]
    [InlineData("fd00::%eth0/64")]
    [InlineData("fd00::/129")]
    [InlineData(" 10.0.0.0/24")]
    public void Malformed_cidr_is_rejected_with_code_7(string text)
    {
        IpamException error = Assert.Throws<IpamException>(() => IpCidr.Parse(text));
        Assert.Equal(7, error.CniErrorCode);
        Assert.Equal($"invalid CIDR address: {text}", error.Message);
    }

    internal static IpamConfig Parse(string ranges)
    {
        if (ranges.Length == 0)
        {
            return new IpamConfig([]);
        }

        return new IpamConfig([.. ranges.Split(';').Select(set => (IReadOnlyList<IpamRangeSpec>)[.. set.Split('|').Select(ParseRange)])]);
    }

    private static IpamRangeSpec ParseRange(string text)
    {
        string[] parts = text.Split(',');
        IPAddress? Optional(int i) => parts.Length > i && parts[i].Length > 0 ? IPAddress.Parse(parts[i]) : null;
        return new IpamRangeSpec(IpCidr.Parse(parts[0]), Optional(1), Optional(2), Optional(3));
    }
}
