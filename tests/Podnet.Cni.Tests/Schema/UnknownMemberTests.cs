using System.Text;
using System.Text.Json;
using Podnet.Cni.Schema;

namespace Podnet.Cni.Tests.Schema;

public sealed class UnknownMemberTests
{
    [Fact]
    public void Unknown_members_at_every_level_round_trip()
    {
        const string Json = """
            {"cniVersion":"1.1.0","type":"bridge","x-top":{"nested":{"deep":[1,2,{"a":null}]},"n":1.50e3},
             "args":{"cni":{"ips":["10.0.0.9"],"x-cni":true},"k8s":{"pod":"p"}},
             "runtimeConfig":{"portMappings":[{"hostPort":1,"containerPort":2,"x-pm":"é\u00e9"}],"x-rt":[]},
             "dns":{"nameservers":["1.1.1.1"],"x-dns":"v"},
             "ipam":{"type":"host-local","ranges":[[{"subnet":"10.0.0.0/24","x":"y"}]],"x-ipam":{"a":[{}]}},
             "prevResult":{"cniVersion":"1.1.0","interfaces":[{"name":"eth0","x-if":1}],"x-prev":"kept"}}
            """;

        PluginConfiguration config = PluginConfiguration.Parse(Encoding.UTF8.GetBytes(Json));

        Assert.Equal("x-top", Assert.Single(config.AdditionalProperties!).Key);
        Assert.Equal("k8s", Assert.Single(config.Args!.AdditionalProperties!).Key);
        Assert.Equal("x-cni", Assert.Single(config.Args.Cni!.AdditionalProperties!).Key);
        Assert.Equal("x-pm", Assert.Single(config.RuntimeConfig!.PortMappings![0].AdditionalProperties!).Key);
        JsonEquivalence.AssertEquivalent(Json, config.ToUtf8Bytes());
    }

    [Fact]
    public void Raw_members_keep_the_original_bytes_including_whitespace_and_escapes()
    {
        const string Ipam = "{ \"type\" : \"host-local\",\n  \"s\\u0061\": [1, 2.0e1] }";
        string json = "{\"type\":\"bridge\",\"ipam\":" + Ipam + ",\"odd\":\"\\u00e9\\n\"}";

        BridgeConfiguration config = BridgeConfiguration.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(Ipam, Encoding.UTF8.GetString(config.Ipam!.Value.Span));
        Assert.Equal("\"\\u00e9\\n\"", Encoding.UTF8.GetString(Assert.Single(config.AdditionalProperties!).Value.Span));
        JsonEquivalence.AssertEquivalent(json, config.ToUtf8Bytes());
    }

    [Fact]
    public void Read_from_a_caller_reader_keeps_unknown_members_too()
    {
        byte[] json = """[{"name":"eth0","x":{"y":[true]}}]"""u8.ToArray();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();

        ResultInterface result = ResultInterface.Read(ref reader);

        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal("eth0", result.Name);
        JsonEquivalence.AssertEquivalent("""{"y":[true]}""", Assert.Single(result.AdditionalProperties!).Value);
    }

    [Fact]
    public void Null_prev_result_is_kept_as_raw_null()
    {
        PluginConfiguration config = PluginConfiguration.Parse("""{"type":"x","prevResult":null}"""u8);

        Assert.Equal("null", Encoding.UTF8.GetString(config.PrevResult!.Value.Span));
        Assert.Equal("""{"type":"x","prevResult":null}""", Encoding.UTF8.GetString(config.ToUtf8Bytes()));
    }

    [Fact]
    public void Write_rejects_an_invalid_hand_built_raw_value()
    {
        var config = new PluginConfiguration { Type = "x", Ipam = "{not json"u8.ToArray() };

        Assert.ThrowsAny<Exception>(() => config.ToUtf8Bytes());
    }
}
