using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

public sealed class ResolvConfTests
{
    [Fact]
    public void Parses_the_keywords_host_local_reads_and_skips_the_rest()
    {
        IpamDns dns = ResolvConf.Parse("""
            # a comment
            ; another
            nameserver 10.0.0.10
              nameserver   fd00::10
            domain example.com
            search a.example b.example
            search c.example
            options ndots:5 rotate
            sortlist 10.0.0.0
            nameserver
            """);

        Assert.Equal(["10.0.0.10", "fd00::10"], dns.Nameservers);
        Assert.Equal("example.com", dns.Domain);
        Assert.Equal(["a.example", "b.example", "c.example"], dns.Search);
        Assert.Equal(["ndots:5", "rotate"], dns.Options);
    }

    [Fact]
    public void A_missing_file_is_code_5()
    {
        IpamException error = Assert.Throws<IpamException>(() => ResolvConf.Read("/nonexistent/podnet/resolv.conf"));
        Assert.Equal(IpamErrorCode.IOFailure, error.CniErrorCode);
    }
}
