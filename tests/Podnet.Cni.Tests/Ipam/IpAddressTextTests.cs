using System.Net;
using Podnet.Cni.Ipam;

namespace Podnet.Cni.Tests.Ipam;

public sealed class IpAddressTextTests
{
    // Expected strings are what Go's net.IP.String() prints (the reference's file names).
    [Theory]
    [InlineData("10.1.0.2", "10.1.0.2")]
    [InlineData("fd00::2", "fd00::2")]
    [InlineData("fd00:0:0:1::", "fd00:0:0:1::")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("::1.2.3.4", "::102:304")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    [InlineData("::", "::")]
    [InlineData("FD00::ABCD", "fd00::abcd")]
    public void Format_matches_go(string input, string expected) =>
        Assert.Equal(expected, IpAddressText.Format(IPAddress.Parse(input)));

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("10.0.0.01", false)]
    [InlineData("10.0.0", false)]
    [InlineData("10.0.0.256", false)]
    [InlineData("10.0.0.1\n", false)]
    [InlineData("fd00::1%eth0", false)]
    [InlineData("[fd00::1]", false)]
    [InlineData("fd00::1", true)]
    [InlineData("garbage", false)]
    [InlineData("", false)]
    public void Parse_is_as_strict_as_go(string input, bool valid) =>
        Assert.Equal(valid, IpAddressText.TryParse(input, out _));
}
