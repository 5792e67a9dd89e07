using static Podnet.Cni.Tests.Commands.CorpusConfig;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Bad input, part 2: well-formed JSON with missing or invalid values, and unsupported versions.</summary>
[Kernel]
public sealed class InvalidConfigTests
{
    private const int Invalid = CniErrorCode.InvalidNetworkConfig;
    private const int Incompatible = CniErrorCode.IncompatibleVersion;

    private static readonly Dictionary<string, BadInputCase> s_cases = new BadInputCase[]
    {
        new("name is missing", Invalid, Network().Replace("\"name\":\"pn-corpus\",", string.Empty, StringComparison.Ordinal)) { Message = "missing network name" },
        // bridge.schema.json requires "type" and a range requires "subnet": the generated decoder refuses the document
        // (6) before validation proper (7) sees it, as it does for wrong types.
        new("type is missing", CniErrorCode.DecodingFailure, Network().Replace("\"type\":\"podnet\",", string.Empty, StringComparison.Ordinal)),
        new("ipam.type is missing", Invalid, Network("""{"dataDir":"{DATA}","ranges":[[{"subnet":"10.77.0.0/24"}]]}""")),
        new("ranges and subnet are missing", Invalid, Network("""{"type":"host-local","dataDir":"{DATA}"}""")),
        new("ranges is empty", Invalid, Network(HostLocal("[]"))),
        new("a range set is empty", Invalid, Network(HostLocal("[[]]"))),
        new("a range has no subnet", CniErrorCode.DecodingFailure, WithRange("""{"gateway":"10.77.0.1"}""")),
        new("cniVersion 9.9.9 is unknown", Incompatible, Network(version: "9.9.9")) { Message = "incompatible CNI versions" },
        new("cniVersion 0.1.0 is unsupported", Incompatible, Network(version: "0.1.0")) { Message = "incompatible CNI versions" },
        new("cniVersion is missing", Incompatible, Network().Replace("\"cniVersion\":\"1.0.0\",", string.Empty, StringComparison.Ordinal)),
        new("CHECK in 0.3.1", Incompatible, Network(version: "0.3.1")) { Command = "CHECK", Message = "config version does not allow CHECK" },
        new("STATUS in 1.0.0", Incompatible, Network(version: "1.0.0")) { Command = "STATUS", Message = "config version does not allow STATUS" },
        new("GC in 0.4.0", Incompatible, Network(version: "0.4.0")) { Command = "GC", Message = "config version does not allow GC" },
        new("mtu is 10", Invalid, Network(extra: ",\"mtu\":10")),
        new("hairpinMode and promiscMode together", Invalid, Network(extra: ",\"hairpinMode\":true,\"promiscMode\":true")),
        new("vlanTrunk minID above maxID", Invalid, Network(extra: ",\"vlanTrunk\":[{\"minID\":300,\"maxID\":200}]")),
        new("bridge name is 16 bytes", Invalid, Network().Replace(PodnetSandbox.BridgeName, "bridge-name-16by", StringComparison.Ordinal)),
        new("bridge name contains a slash", Invalid, Network().Replace(PodnetSandbox.BridgeName, "br/0", StringComparison.Ordinal)),
        new("network name contains a slash", Invalid, Network(name: "pn/corpus")) { Message = "invalid characters found in network name" },
        new("network name starts with a dot", Invalid, Network(name: ".pn-corpus")) { Message = "invalid characters found in network name" },
        new("network name contains a space", Invalid, Network(name: "pn corpus")) { Message = "invalid characters found in network name" },
        new("network name is ..", Invalid, Network(name: "..")) { Message = "invalid characters found in network name" },
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Rejected_with_the_exact_code_and_no_side_effects(string name) => BadInputRunner.RunAsync(s_cases[name]);
}
