using System.Net;
using Podnet.Cni.Ipam;

namespace Podnet.Cni.Tests.Ipam;

public sealed class HostLocalIpamTests
{
    [Fact]
    public void Add_check_del_gc_and_status_work_end_to_end()
    {
        using var data = new ScratchDirectory();
        string resolvConf = data.Combine("resolv.conf");
        File.WriteAllText(resolvConf, "nameserver 10.6.0.10\nsearch svc.local\n");
        var route = new IpamRoute(IpCidr.Parse("0.0.0.0/0"));
        IpamConfig config = RangeValidationTests.Parse("10.6.0.0/24;fd00:6::/64") with
        {
            DataDirectory = data.Path,
            Routes = [route],
            ResolvConf = resolvConf,
        };
        var attachment = new IpamAttachment("c1", "eth0");

        IpamResult result = HostLocalIpam.Add("cbr0", config, attachment);
        Assert.Equal(["10.6.0.2/24", "fd00:6::2/64"], result.Addresses.Select(a => a.ToString()));
        Assert.Equal([route], result.Routes);
        Assert.Equal(["10.6.0.10"], result.Dns!.Nameservers);
        Assert.Equal(["10.6.0.2", "fd00:6::2"], HostLocalIpam.Check("cbr0", config, attachment).Select(IpAddressText.Format));
        HostLocalIpam.Status("cbr0", config);

        HostLocalIpam.Add("cbr0", config, new IpamAttachment("c2", "eth0"));
        Assert.Equal(2, HostLocalIpam.Gc("cbr0", config, [attachment]).Count);
        Assert.Equal(2, HostLocalIpam.Del("cbr0", config, attachment).Count);
        Assert.Empty(HostLocalIpam.Del("cbr0", config, attachment));

        IpamException check = Assert.Throws<IpamException>(() => HostLocalIpam.Check("cbr0", config, attachment));
        Assert.Equal(CniErrorCode.CheckFailed, check.CniErrorCode);
    }

    [Fact]
    public void An_unreadable_resolv_conf_or_an_unreachable_requested_ip_fails_before_the_store_changes()
    {
        using var data = new ScratchDirectory();
        IpamConfig config = RangeValidationTests.Parse("10.7.0.0/24") with { DataDirectory = data.Path };
        var attachment = new IpamAttachment("c1", "eth0");

        IpamException unreadable = Assert.Throws<IpamException>(
            () => HostLocalIpam.Add("cbr0", config with { ResolvConf = data.Combine("missing-resolv.conf") }, attachment));
        IpamException outside = Assert.Throws<IpamException>(
            () => HostLocalIpam.Add("cbr0", config, attachment, [IPAddress.Parse("10.8.0.5")]));

        Assert.Equal(IpamErrorCode.IOFailure, unreadable.CniErrorCode);
        Assert.Equal(IpamErrorCode.RequestedAddressUnavailable, outside.CniErrorCode);
        Assert.False(Directory.Exists(data.Combine("cbr0")), "the store must not have been opened");
    }

    [Fact]
    public void Del_does_not_need_valid_ranges_but_add_does()
    {
        using var data = new ScratchDirectory();
        IpamConfig broken = RangeValidationTests.Parse("10.6.0.1/24") with { DataDirectory = data.Path };

        Assert.Empty(HostLocalIpam.Del("cbr0", broken, new IpamAttachment("c1", "eth0")));
        Assert.Equal(IpamErrorCode.InvalidNetworkConfig, Assert.Throws<IpamException>(() => HostLocalIpam.Add("cbr0", broken, new IpamAttachment("c1", "eth0"))).CniErrorCode);
        Assert.Equal(IpamErrorCode.InvalidNetworkConfig, Assert.Throws<IpamException>(() => HostLocalIpam.Status("cbr0", broken)).CniErrorCode);
    }

    [Fact]
    public void Requested_addresses_are_passed_through()
    {
        using var data = new ScratchDirectory();
        IpamConfig config = RangeValidationTests.Parse("10.6.0.0/24;fd00:6::/64") with { DataDirectory = data.Path };

        IpamResult result = HostLocalIpam.Add("cbr0", config, new IpamAttachment("c1", "eth0"), [IPAddress.Parse("fd00:6::99"), IPAddress.Parse("10.6.0.99")]);

        Assert.Equal(["10.6.0.99/24", "fd00:6::99/64"], result.Addresses.Select(a => a.ToString()));
    }
}
