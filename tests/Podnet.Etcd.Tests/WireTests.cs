using System.Text;
using System.Text.Json;

namespace Podnet.Etcd.Tests;

/// <summary>The parts of the gateway protocol that need no server.</summary>
public sealed class WireTests
{
    [Theory]
    [InlineData("/coreos.com/network/subnets/", "/coreos.com/network/subnets0")]
    [InlineData("a", "b")]
    public void The_range_end_of_a_prefix_is_the_prefix_with_its_last_byte_incremented(string prefix, string end) =>
        Assert.Equal(Encoding.UTF8.GetBytes(end), EtcdClient.PrefixEnd(Encoding.UTF8.GetBytes(prefix)));

    [Fact]
    public void Trailing_0xff_bytes_are_dropped_and_all_0xff_means_to_the_end()
    {
        Assert.Equal(new byte[] { 0x62 }, EtcdClient.PrefixEnd([0x61, 0xff, 0xff]));
        Assert.Equal(new byte[] { 0 }, EtcdClient.PrefixEnd([0xff]));
    }

    [Theory]
    [InlineData("""{"error":"etcdserver: requested lease not found","message":"etcdserver: requested lease not found","code":5}""", 5, "etcdserver: requested lease not found")]
    [InlineData("""{"error":{"grpc_code":14,"http_code":503,"message":"etcdserver: no leader","http_status":"Service Unavailable"}}""", 14, "etcdserver: no leader")]
    public void Both_gateway_error_shapes_are_read(string json, int code, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        EtcdServerException e = EtcdClient.ToException(
            root.GetProperty("error"),
            root.TryGetProperty("message", out JsonElement m) ? m.GetString() : null,
            root.TryGetProperty("code", out JsonElement c) ? c.GetInt32() : 0);
        Assert.Equal(code, e.Code);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(code == 14, e.IsMemberFailure);
    }
}
