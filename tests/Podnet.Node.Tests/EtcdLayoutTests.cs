using System.Net;
using System.Text;
using Podnet.Agent.Etcd;

namespace Podnet.Node.Tests;

public sealed class EtcdLayoutTests
{
    private static EtcdNetwork Network(string json) => EtcdNetwork.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_16_network_is_cut_into_24s_from_the_second_to_the_last_like_flannel()
    {
        EtcdNetwork network = Network("""{"Network":"10.244.0.0/16","Backend":{"Type":"host-gw"}}""");

        Assert.Equal(24, network.SubnetLength);
        Assert.Equal(IPAddress.Parse("10.244.1.0"), network.SubnetMin);
        Assert.Equal(IPAddress.Parse("10.244.255.0"), network.SubnetMax);
        Assert.Equal(255, network.Capacity);
        Assert.Equal(255, network.Subnets().Count());
        Assert.Equal("10.244.1.0/24", network.Subnets().First().ToString());
    }

    [Fact]
    public void A_24_network_gets_25s_and_explicit_bounds_are_kept()
    {
        Assert.Equal(25, Network("""{"Network":"10.1.2.0/24"}""").SubnetLength);
        EtcdNetwork bounded = Network("""{"Network":"10.244.0.0/16","SubnetLen":24,"SubnetMin":"10.244.10.0","SubnetMax":"10.244.12.0"}""");
        Assert.Equal(["10.244.10.0/24", "10.244.11.0/24", "10.244.12.0/24"], bounded.Subnets().Select(s => s.ToString()));
    }

    [Theory]
    [InlineData("""{"Network":"10.244.0.0/16","SubnetLen":8}""", "SubnetLen 8 must be longer than the network's prefix /16")]
    [InlineData("""{"Network":"10.244.0.0/16","SubnetLen":16}""", "SubnetLen 16 must be longer than the network's prefix /16")]
    [InlineData("""{"Network":"10.244.1.0/16"}""", "is not an IPv4 CIDR with the host bits zero")]
    [InlineData("""{"SubnetLen":24}""", "Network \"\" is not an IPv4 CIDR")]
    [InlineData("""{"Network":"10.244.0.0/16","SubnetMin":"10.244.1.7"}""", "SubnetMin 10.244.1.7 is not the start of a /24 subnet")]
    [InlineData("""{"Network":"10.244.0.0/16","SubnetMin":"10.245.1.0"}""", "must lie within 10.244.0.0/16")]
    [InlineData("""{"Network":"10.244.0.0/16","Backend":{"Type":"vxlan"}}""", "podnet implements host-gw only")]
    [InlineData("""{"Network":"10.244.0.0/16","EnableIPv6":true}""", "routes IPv4 only")]
    [InlineData("""{"Network":"10.244.0.0/16",""", "")]
    [InlineData("""{"Network":"10.244.0.0/16","SubnetLen":"24"}""", "")]
    public void A_bad_configuration_is_refused_with_a_reason(string json, string reason)
    {
        FormatException e = Assert.Throws<FormatException>(() => Network(json));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Subnet_keys_use_flannels_names_and_other_keys_are_not_subnets()
    {
        var keys = new SubnetKeys("/coreos.com/network/");
        Assert.Equal("/coreos.com/network/config", keys.Config);
        Assert.Equal("/coreos.com/network/subnets/10.244.3.0-24", keys.For(IPNetwork.Parse("10.244.3.0/24")));
        Assert.Equal(IPNetwork.Parse("10.244.3.0/24"), keys.Parse("/coreos.com/network/subnets/10.244.3.0-24"));
        Assert.Null(keys.Parse("/coreos.com/network/config"));
        Assert.Null(keys.Parse("/coreos.com/network/subnets/10.244.3.1-24"));
        Assert.Null(keys.Parse("/coreos.com/network/subnets/garbage"));
        Assert.Null(keys.Parse("/other/subnets/10.244.3.0-24"));
    }

    [Fact]
    public void A_lease_value_is_flannels_with_the_node_name_alongside()
    {
        byte[] value = SubnetLease.Value(IPAddress.Parse("192.168.1.13"), "node03");
        Assert.Equal("""{"PublicIP":"192.168.1.13","BackendType":"host-gw","BackendData":null,"PodnetNode":"node03"}""", Encoding.UTF8.GetString(value));

        SubnetLease lease = SubnetLease.Parse(IPNetwork.Parse("10.244.3.0/24"), value, leaseId: 7, modRevision: 9);
        Assert.Equal("node03", lease.MemberName);
        Assert.False(lease.IsReservation);
    }

    [Fact]
    public void A_lease_written_by_flannel_is_named_by_its_public_ip()
    {
        byte[] flannel = """{"PublicIP":"192.168.1.20","PublicIPv6":null,"BackendType":"host-gw","BackendData":null}"""u8.ToArray();
        SubnetLease lease = SubnetLease.Parse(IPNetwork.Parse("10.244.9.0/24"), flannel, leaseId: 0, modRevision: 1);
        Assert.Equal("192.168.1.20", lease.MemberName);
        Assert.True(lease.IsReservation);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"BackendType":"host-gw"}""")]
    [InlineData("""{"PublicIP":"fd00::1"}""")]
    [InlineData("""{"PublicIP":"192.168.1.300"}""")]
    public void A_garbage_lease_value_is_refused(string value) =>
        Assert.Throws<FormatException>(() => SubnetLease.Parse(IPNetwork.Parse("10.244.9.0/24"), Encoding.UTF8.GetBytes(value), 1, 1));
}
