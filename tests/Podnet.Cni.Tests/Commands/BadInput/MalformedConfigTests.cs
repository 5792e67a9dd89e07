using static Podnet.Cni.Tests.Commands.CorpusConfig;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Bad input, part 1: stdin that is not the JSON a configuration must be (code 6).</summary>
[Kernel]
public sealed class MalformedConfigTests
{
    private const int Decode = CniErrorCode.DecodingFailure;

    private static readonly Dictionary<string, BadInputCase> s_cases = new BadInputCase[]
    {
        new("truncated object", Decode, """{"cniVersion":"1.0.0","name":"pn-corpus","type":"podnet","ipam":{"type":"host-local" """),
        new("trailing garbage", Decode, Network() + " garbage"),
        new("two objects", Decode, Network() + "{}"),
        new("an array, not an object", Decode, "[" + Network() + "]"),
        new("a string, not an object", Decode, "\"podnet\""),
        new("a number, not an object", Decode, "42"),
        new("empty stdin", Decode, string.Empty),
        new("whitespace only", Decode, " \n\t "),
        new("a comment", Decode, """{"cniVersion":"1.0.0", /* no comments in JSON */ "name":"pn-corpus","type":"podnet"}"""),
        new("single-quoted strings", Decode, "{'cniVersion':'1.0.0','name':'pn-corpus','type':'podnet'}"),
        new("name is a number", Decode, Network().Replace("\"name\":\"pn-corpus\"", "\"name\":7", StringComparison.Ordinal)),
        new("cniVersion is a number", Decode, Network().Replace("\"cniVersion\":\"1.0.0\"", "\"cniVersion\":1.0", StringComparison.Ordinal)),
        new("mtu is a string", Decode, Network(extra: ",\"mtu\":\"x\"")) { Message = "$.mtu" },
        new("isGateway is a string", Decode, Network(extra: ",\"isGateway\":\"yes\"")) { Message = "$.isGateway" },
        new("ranges is not an array", Decode, Network(HostLocal("""{"subnet":"10.77.0.0/24"}"""))),
        new("a range set is not an array", Decode, Network(HostLocal("""[{"subnet":"10.77.0.0/24"}]"""))),
        // Well-formed and well-typed but outside the schema's range or enum: an invalid configuration, not a decode failure.
        new("vlan is -1", CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"vlan\":-1")) { Message = "$.vlan" },
        new("ipMasqBackend is not a backend", CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"ipMasqBackend\":\"ebtables\"")) { Message = "$.ipMasqBackend" },
        new("ipam is a string", Decode, Network("\"host-local\"")),
        new("dataDir is a number", Decode, Network("""{"type":"host-local","dataDir":5,"ranges":[[{"subnet":"10.77.0.0/24"}]]}""")),
        new("cniVersion is not N.N.N", Decode, Network(version: "abc")),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Rejected_with_the_exact_code_and_no_side_effects(string name) => BadInputRunner.RunAsync(s_cases[name]);
}
