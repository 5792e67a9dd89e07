using System.Text;
using Podnet.Cni.Schema;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Schema;

public sealed class DecodeErrorTests
{
    private static CniDecodeException Fail<T>(Func<byte[], T> parse, string json) =>
        Assert.Throws<CniDecodeException>(() => parse(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"type":"host-local","ranges":[[{"subnet":"10.0.0.0/24"}],[{"subnet":"10.1.0.0/24"},{"rangeStart":"10.2.0.1"}]]}""", "$.ranges[1][1].subnet", "missing required member 'subnet'")]
    [InlineData("""{"type":"host-local","ranges":[[{"subnet":5}]]}""", "$.ranges[0][0].subnet", "expected a string but found a number")]
    [InlineData("""{"type":"host-local","ranges":[{"subnet":"10.0.0.0/24"}]}""", "$.ranges[0]", "expected an array but found an object")]
    [InlineData("""{"ranges":[]}""", "$.type", "missing required member 'type'")]
    [InlineData("""{"type":"host-local","routes":[{"dst":"0.0.0.0/0","mtu":-1}]}""", "$.routes[0].mtu", "value -1 is out of range")]
    public void Host_local_errors_carry_the_path(string json, string path, string reason)
    {
        CniDecodeException error = Fail(b => HostLocalIpamConfiguration.Parse(b), json);

        Assert.Equal(path, error.Path);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(reason + " at " + path, error.Message);
    }

    [Theory]
    [InlineData("""{"type":"host-local","subnet":"10.0.0/24"}""", "$.subnet", "subnet", "cidr", "invalid CIDR \"10.0.0/24\"")]
    [InlineData("""{"type":"host-local","routes":[{"dst":"0.0.0.0/0","gw":"10.0.0.01"}]}""", "$.routes[0].gw", "routes.gw", "ip", "invalid IP address \"10.0.0.01\"")]
    [InlineData("""{"type":"host-local","dataDir":"/var/lib/cni\u0000x"}""", "$.dataDir", "dataDir", "path", "invalid path: NUL character")]
    public void A_value_not_of_its_format_is_a_constraint_violation_naming_the_format(string json, string path, string member, string format, string reason)
    {
        CniDecodeException error = Fail(b => HostLocalIpamConfiguration.Parse(b), json);

        Assert.Equal(path, error.Path);
        Assert.Equal(member, error.Member);
        Assert.Equal(format, error.Format);
        Assert.Equal(reason, error.Reason);
        Assert.True(error.IsConstraintViolation);
        Assert.False(error.IsStated);
    }

    // common.schema.json states "errorMessage": "{reason} in subnet" (and so on) for the members of a range.
    [Theory]
    [InlineData("""{"type":"host-local","ranges":[[{"subnet":"10.0.0.0/33"}]]}""", "$.ranges[0][0].subnet", "cidr", "10.0.0.0/33", "invalid CIDR \"10.0.0.0/33\" in subnet")]
    [InlineData("""{"type":"host-local","ranges":[[{"subnet":"10.0.0.0/24"}],[{"subnet":"10.1.0.0/24","rangeStart":"10.0.5"}]]}""", "$.ranges[1][0].rangeStart", "ip", "10.0.5", "invalid IP address \"10.0.5\" in rangeStart")]
    public void A_stated_error_message_replaces_the_reason_and_keeps_the_rest(string json, string path, string format, string value, string reason)
    {
        CniDecodeException error = Fail(b => HostLocalIpamConfiguration.Parse(b), json);

        Assert.True(error.IsStated);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(path, error.Path);
        Assert.Equal("ranges." + path[(path.LastIndexOf('.') + 1)..], error.Member);
        Assert.Equal(format, error.Format);
        Assert.Equal(value, error.Value);
        Assert.True(error.IsConstraintViolation);
        Assert.IsType<CniDecodeException>(error.InnerException);
    }

    [Fact]
    public void A_stated_message_fills_its_placeholders_once()
    {
        // cluster.schema.json: "\"{value}\" is not an IP address"; a value that says "{reason}" is not filled in again.
        CniDecodeException error = Fail(b => ClusterDescription.Parse(b), """{"nodes":[{"name":"a","nodeIPs":["{reason}"],"podCIDRs":[]}]}""");

        Assert.Equal("\"{reason}\" is not an IP address", error.Reason);
    }

    // bridge.schema.json: "errorMessage": "invalid MTU {value}: must be between {minimum} and {maximum}".
    [Theory]
    [InlineData("10", "invalid MTU 10: must be between 68 and 65535")]
    [InlineData("70000", "invalid MTU 70000: must be between 68 and 65535")]
    [InlineData("-1", "invalid MTU -1: must be between 68 and 65535")]
    public void A_stated_range_message_gets_the_value_and_the_schema_bounds(string mtu, string reason)
    {
        CniDecodeException error = Fail(b => BridgeConfiguration.Parse(b), """{"type":"bridge","mtu":""" + mtu + "}");

        Assert.True(error.IsStated);
        Assert.Null(error.Format);
        Assert.Equal(reason, error.Reason);
        Assert.Equal("$.mtu", error.Path);
    }

    [Fact]
    public void A_wrongly_typed_value_is_not_a_stated_violation()
    {
        CniDecodeException error = Fail(b => BridgeConfiguration.Parse(b), """{"type":"bridge","mtu":1.5}""");

        Assert.False(error.IsStated);
        Assert.False(error.IsConstraintViolation);
        Assert.Equal("expected a 32-bit integer but found 1.5", error.Reason);
    }

    [Fact]
    public void Typed_members_round_trip_in_their_canonical_text()
    {
        SuccessResult result = SuccessResult.Parse("""
            {"interfaces":[{"name":"eth0","mac":"0A-58-0A-F4-01-05"}],"ips":[{"address":"fd00:0:0:0::5/64","gateway":"fd00::1"}],"routes":[{"dst":"10.96.0.5/12"}]}
            """u8);

        // An interface's hardware address is text (it may be a 20-byte InfiniBand address): kept as written.
        Assert.Equal("0A-58-0A-F4-01-05", result.Interfaces![0].Mac);
        Assert.Equal(64, result.Ips![0].Address.PrefixLength);
        // Host bits are kept (a CNI address is the host's address with its prefix), and text is written as Go writes it.
        Assert.Equal(
            """{"interfaces":[{"name":"eth0","mac":"0A-58-0A-F4-01-05"}],"ips":[{"address":"fd00::5/64","gateway":"fd00::1"}],"routes":[{"dst":"10.96.0.5/12"}]}""",
            Encoding.UTF8.GetString(result.ToUtf8Bytes()));
    }

    [Theory]
    [InlineData("""{"type":"bridge","vlan":5000}""", true)]
    [InlineData("""{"type":"bridge","vlan":-1}""", true)]
    [InlineData("""{"type":"bridge","ipMasqBackend":"ebtables"}""", true)]
    [InlineData("""{"type":"bridge","vlan":"10"}""", false)]
    [InlineData("""{"type":"bridge","vlan":1.5}""", false)]
    [InlineData("""{"vlan":10}""", false)]
    [InlineData("""{"type":"bridge",""", false)]
    public void Only_values_outside_an_enum_or_range_are_constraint_violations(string json, bool constraint)
    {
        CniDecodeException error = Fail(b => BridgeConfiguration.Parse(b), json);

        Assert.Equal(constraint, error.IsConstraintViolation);
    }

    [Fact]
    public void Nested_ipam_errors_are_prefixed_by_the_outer_path()
    {
        BridgeConfiguration config = BridgeConfiguration.Parse("""{"type":"bridge","ipam":{"type":"host-local","ranges":[[{"subnet":true}]]}}"""u8);

        CniDecodeException error = Assert.Throws<CniDecodeException>(() => HostLocalIpamConfiguration.Parse(config.Ipam!.Value.Span));

        Assert.Equal("$.ranges[0][0].subnet", error.Path);
    }

    [Fact]
    public void Errors_in_plugins_of_a_list_name_the_plugin_index()
    {
        CniDecodeException error = Fail(b => NetworkConfigurationList.Parse(b), """{"cniVersion":"1.1.0","name":"n","plugins":[{"type":"a"},{"capabilities":{"mac":"yes"},"type":"b"}]}""");

        Assert.Equal("$.plugins[1].capabilities.mac", error.Path);
        Assert.Equal("expected a boolean but found a string", error.Reason);
    }

    [Fact]
    public void Map_keys_that_are_not_plain_names_use_bracket_notation()
    {
        CniDecodeException error = Fail(b => PluginConfiguration.Parse(b), """{"type":"a","cni.dev/valid-attachments":[{"containerID":"c"}]}""");

        Assert.Equal("$['cni.dev/valid-attachments'][0].ifname", error.Path);
    }

    [Fact]
    public void Invalid_enum_value_is_rejected()
    {
        CniDecodeException error = Fail(b => BridgeConfiguration.Parse(b), """{"type":"bridge","ipMasqBackend":"ipfw"}""");

        Assert.Equal("$.ipMasqBackend", error.Path);
        Assert.Contains("'ipfw'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("'iptables', 'nftables'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_number_is_rejected()
    {
        CniDecodeException error = Fail(b => BridgeConfiguration.Parse(b), """{"type":"bridge","vlanTrunk":[{"minID":1,"maxID":5000}]}""");

        Assert.Equal("$.vlanTrunk[0].maxID", error.Path);
        Assert.Contains("5000", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"type\":\"a\",}")]
    [InlineData("{\"type\":\"a\"} {}")]
    [InlineData("{\"type\":\"a\" // comment\n}")]
    [InlineData("[]")]
    public void Malformed_documents_throw_the_decode_exception(string json)
    {
        CniDecodeException error = Fail(b => PluginConfiguration.Parse(b), json);

        Assert.False(string.IsNullOrEmpty(error.Reason));
        Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_inside_a_member_names_the_member()
    {
        CniDecodeException error = Fail(b => SuccessResult.Parse(b), """{"interfaces":[{"name":"a"},{"name":"b","mac":}]}""");

        Assert.Equal("$.interfaces[1].mac", error.Path);
        Assert.StartsWith("malformed JSON", error.Reason, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public void Wrong_type_for_an_object_member()
    {
        CniDecodeException error = Fail(b => PluginConfiguration.Parse(b), """{"type":"a","dns":[]}""");

        Assert.Equal("$.dns", error.Path);
        Assert.Equal("expected an object but found an array", error.Reason);
    }
}
