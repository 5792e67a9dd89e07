using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Testing.Nodes;
using static Podnet.Bridge.Tests.EndToEnd.BadInput.BadInputTemplates;

namespace Podnet.Bridge.Tests.EndToEnd.BadInput;

/// <summary>
/// The bad-input corpus: each case by name, with the code the specification (or podnet's documented code) requires
/// and, where the message matters, text it must contain. The one corpus of requests the real binary must refuse
/// (the runtime's own tests stay in process); the cases written as configuration text use <see cref="BadInputTemplates"/>.
/// </summary>
public static class BadInputCorpus
{
    /// <summary>Every case.</summary>
    public static IReadOnlyDictionary<string, BadInputCase> Cases { get; } = new Dictionary<string, BadInputCase>(StringComparer.Ordinal)
    {
        // Decoding and versions.
        ["config is malformed JSON"] = new(CniErrorCode.DecodingFailure, n => n.Add().WithStdin("{\"cniVersion\":\"1.0.0\",\"name\":")),
        ["config is a JSON array"] = new(CniErrorCode.DecodingFailure, n => n.Add().WithStdin("[]")),
        ["config has trailing garbage"] = new(CniErrorCode.DecodingFailure, n => n.Add().WithStdin(n.Node.Config().ToJsonString() + "}")),
        ["config has no name"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("name", null))) { Message = "missing network name" },
        ["network name contains a slash"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("name", "a/b"))) { Message = "invalid characters found in network name" },
        ["cniVersion 9.9.9 is unknown"] = new(CniErrorCode.IncompatibleVersion, n => n.Add(n.Node.Config().With("cniVersion", "9.9.9"))) { Message = "incompatible CNI versions" },
        ["cniVersion 0.2.0 is unsupported"] = new(CniErrorCode.IncompatibleVersion, n => n.Add(n.Node.Config().With("cniVersion", "0.2.0"))),
        ["cniVersion is not N.N.N"] = new(CniErrorCode.DecodingFailure, n => n.Add(n.Node.Config().With("cniVersion", "1.0"))),
        ["ipMasq is not a boolean"] = new(CniErrorCode.DecodingFailure, n => n.Add(n.Node.Config().With("ipMasq", "yes"))),

        // Environment.
        ["ifname is empty"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_IFNAME", string.Empty)),
        ["ifname contains a slash"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_IFNAME", "a/b")),
        ["ifname contains a colon"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_IFNAME", "eth0:1")),
        ["ifname is longer than 15 bytes"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_IFNAME", "way-too-long-name-x")),
        ["ifname is dot"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_IFNAME", ".")),
        ["ifname is dot dot"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_IFNAME", "..")),
        ["container id starts with a dash"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_CONTAINERID", "-x")),
        ["container id contains a space"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_CONTAINERID", "a b")),
        ["container id is a relative path"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_CONTAINERID", "../x")),
        ["CNI_CONTAINERID is missing"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().Without("CNI_CONTAINERID")) { Message = "required env variables [CNI_CONTAINERID] missing" },
        ["CNI_NETNS is a regular file"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_NETNS", n.RegularFile)),
        ["CNI_NETNS is a mount namespace"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_NETNS", "/proc/self/ns/mnt")),
        ["CNI_NETNS does not exist"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_NETNS", "/run/netns/pn-e2e-does-not-exist")),
        ["CNI_NETNS is missing"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().Without("CNI_NETNS")) { Message = "required env variables [CNI_NETNS] missing" },
        ["CNI_PATH is missing"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().Without("CNI_PATH")) { Message = "required env variables [CNI_PATH] missing" },
        ["CNI_COMMAND is unknown"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_COMMAND", "ATTACH")) { Message = "unknown CNI_COMMAND: ATTACH" },

        // IPAM configuration.
        ["subnet prefix is 33"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "10.88.0.0/33"))),
        ["subnet is not a CIDR"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "not-a-subnet"))),
        ["subnet has host bits set"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "10.88.0.5/24"))),
        ["rangeStart is outside the subnet"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithSingleRange("10.88.0.0/24", rangeStart: "10.99.0.10"))),
        ["subnet is a /32"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "10.88.0.7/32"))),
        ["rangeStart is not an address"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithSingleRange("10.88.0.0/24", rangeStart: "10.88.0"))),
        ["route dst is not a CIDR"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("routes", new JsonArray(new JsonObject { ["dst"] = "10.0.0.0/40" })))),
        // Path members: a NUL byte once escaped as code 999 with the details "ArgumentException" (found by fuzzing).
        ["dataDir contains a NUL byte"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("dataDir", "/var/lib/cni/pn\0networks"))) { Message = "invalid path: NUL character in dataDir" },
        ["resolvConf contains a NUL byte"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("resolvConf", "/etc/resolv\0.conf"))) { Message = "invalid path: NUL character in resolvConf" },
        ["subnetFile contains a NUL byte"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("subnetFile", "/run/podnet/subnet\0.env"))) { Message = "invalid path: NUL character in subnetFile" },
        ["ipam has no type"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("type", null))),
        ["range is exhausted"] = new(CniErrorCode.AddressesExhausted, n => n.Add(n.ExhaustedConfig)) { Message = "no IP addresses available in range set" },
        ["requested IP is outside every range"] = new(IpamErrorCode.RequestedAddressUnavailable, n => n.Add().With("CNI_ARGS", "IP=10.99.0.5")),
        ["requested IP is taken by the resident"] = new(IpamErrorCode.RequestedAddressUnavailable, n => n.Add().With("CNI_ARGS", "IP=" + PodConnectivityTests.ResultAddress(n.ResidentResult))),
        ["requested IP is not an address"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add().With("CNI_ARGS", "IP=10.88.0.300")),

        // Bridge options.
        // bridge.schema.json bounds vlan to 0..4094: the generated decoder reports a constraint violation, which is
        // an invalid configuration (7), not undecodable content (6).
        ["vlan is 5000"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("vlan", 5000))),
        ["ipMasqBackend is not a backend"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("ipMasqBackend", "ebtables"))) { Message = "$.ipMasqBackend" },
        ["vlanTrunk minID is above maxID"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("vlanTrunk", new JsonArray(new JsonObject { ["minID"] = 300, ["maxID"] = 200 })))),
        ["mtu is 10"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("mtu", 10))) { ExactMessage = "invalid MTU 10: must be between 68 and 65535" },
        ["mtu is 70000"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("mtu", 70000))) { ExactMessage = "invalid MTU 70000: must be between 68 and 65535" },
        ["vlanTrunk id is 4095"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("vlanTrunk", new JsonArray(new JsonObject { ["id"] = 4095 })))) { Message = "$.vlanTrunk[0].id" },
        ["hairpinMode and promiscMode together"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("hairpinMode", true).With("promiscMode", true))),
        ["bridge name is longer than 15 bytes"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("bridge", "bridge-name-too-long"))),
        ["bridge name is taken by a non-bridge link"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("bridge", n.DummyName))),

        // CNI_ARGS and MACs.
        ["MAC in CNI_ARGS is invalid"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add().With("CNI_ARGS", "MAC=zz:00:00:00:00:01")),
        ["MAC in args.cni is invalid"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("args", new JsonObject { ["cni"] = new JsonObject { ["mac"] = "02:00:00:00:00" } }))),
        ["MAC in runtimeConfig is multicast"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("runtimeConfig", new JsonObject { ["mac"] = "01:00:5e:00:00:01" }))),
        ["CNI_ARGS has an unknown key without IgnoreUnknown"] = new(CniErrorCode.UnsupportedField, n => n.Add().With("CNI_ARGS", "FOO=bar")),
        ["CNI_ARGS has a pair without ="] = new(CniErrorCode.DecodingFailure, n => n.Add().With("CNI_ARGS", "novalue")),

        // Configuration text (BadInputTemplates): missing or invalid values, and unsupported versions.
        ["type is missing"] = Text(CniErrorCode.DecodingFailure, Network().Replace("\"type\":\"podnet\",", string.Empty, StringComparison.Ordinal)),
        ["ipam.type is missing"] = Text(CniErrorCode.InvalidNetworkConfig, Network("""{"dataDir":"{DATA}","ranges":[[{"subnet":"10.77.0.0/24"}]]}""")),
        ["ranges and subnet are missing"] = Text(CniErrorCode.InvalidNetworkConfig, Network("""{"type":"host-local","dataDir":"{DATA}"}""")),
        ["ranges is empty"] = Text(CniErrorCode.InvalidNetworkConfig, Network(HostLocal("[]"))),
        ["a range set is empty"] = Text(CniErrorCode.InvalidNetworkConfig, Network(HostLocal("[[]]"))),
        ["a range has no subnet"] = Text(CniErrorCode.DecodingFailure, WithRange("""{"gateway":"10.77.0.1"}""")),
        ["cniVersion 0.1.0 is unsupported"] = Text(CniErrorCode.IncompatibleVersion, Network(version: "0.1.0"), "incompatible CNI versions"),
        ["cniVersion is missing"] = Text(CniErrorCode.IncompatibleVersion, Network().Replace("\"cniVersion\":\"1.0.0\",", string.Empty, StringComparison.Ordinal)),
        ["CHECK in 0.3.1"] = Command("CHECK", CniErrorCode.IncompatibleVersion, Network(version: "0.3.1"), "config version does not allow CHECK"),
        // A prevResult CHECK cannot decode is a decode failure, the member named without indices.
        ["CHECK prevResult address has no prefix"] = Command("CHECK", CniErrorCode.DecodingFailure, Network(extra: ",\"prevResult\":{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.77.0.5\"}]}")) with { ExactMessage = "invalid CIDR \"10.77.0.5\" in ips.address" },
        ["CHECK prevResult route gateway is short"] = Command("CHECK", CniErrorCode.DecodingFailure, Network(extra: ",\"prevResult\":{\"cniVersion\":\"1.0.0\",\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.1\"}]}")) with { ExactMessage = "invalid IP address \"10.1\" in routes.gw" },
        ["STATUS in 1.0.0"] = Command("STATUS", CniErrorCode.IncompatibleVersion, Network(version: "1.0.0"), "config version does not allow STATUS"),
        ["GC in 0.4.0"] = Command("GC", CniErrorCode.IncompatibleVersion, Network(version: "0.4.0"), "config version does not allow GC"),
        ["bridge name is 16 bytes"] = Text(CniErrorCode.InvalidNetworkConfig, Network().Replace(BridgeName, "bridge-name-16by", StringComparison.Ordinal)),
        ["bridge name contains a slash"] = Text(CniErrorCode.InvalidNetworkConfig, Network().Replace(BridgeName, "br/0", StringComparison.Ordinal)),
        ["network name starts with a dot"] = Text(CniErrorCode.InvalidNetworkConfig, Network(name: ".pn-corpus"), "invalid characters found in network name"),
        ["network name contains a space"] = Text(CniErrorCode.InvalidNetworkConfig, Network(name: "pn corpus"), "invalid characters found in network name"),
        ["network name is .."] = Text(CniErrorCode.InvalidNetworkConfig, Network(name: ".."), "invalid characters found in network name"),

        // Environment, on the template network.
        ["ifname is 16 bytes"] = Env("CNI_IFNAME", "abcdefghijklmnop"),
        ["ifname is 16 bytes of UTF-8"] = Env("CNI_IFNAME", "éééééééé"),
        ["ifname contains a space"] = Env("CNI_IFNAME", "eth 0"),
        ["container id contains a colon"] = Env("CNI_CONTAINERID", "corpus:1"),
        ["CNI_COMMAND is lower case"] = Env("CNI_COMMAND", "add"),

        // Ranges as text.
        ["three-octet subnet"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.0.0/24"}""")) with { ExactMessage = "invalid CIDR \"10.0.0/24\" in subnet" },
        ["IPv6 prefix /200"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"::1/200"}""")),
        ["overlapping ranges in one set"] = Text(CniErrorCode.InvalidNetworkConfig, Network(HostLocal("""[[{"subnet":"10.77.0.0/24"},{"subnet":"10.77.0.128/25"}]]"""))),
        ["overlapping range sets"] = Text(CniErrorCode.InvalidNetworkConfig, Network(HostLocal("""[[{"subnet":"10.77.0.0/24"}],[{"subnet":"10.77.0.0/25"}]]""")), "overlap"),
        ["rangeStart outside the subnet (ranges form)"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.78.0.5"}""")),
        ["rangeEnd outside the subnet"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","rangeEnd":"10.78.0.5"}""")),
        ["rangeEnd before rangeStart"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.77.0.50","rangeEnd":"10.77.0.10"}""")),
        ["rangeStart is not an address"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.77.0.x"}""")),
        ["rangeStart in inet_aton short form"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.77.5"}""")) with { ExactMessage = "invalid IP address \"10.77.5\" in rangeStart" },
        ["gateway in inet_aton short form"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","gateway":"10.77.1"}""")),
        ["rangeStart of the other family"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"fd00::5"}""")),
        ["gateway outside the subnet"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.0/24","gateway":"10.78.0.1"}""")),
        ["a /31"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"10.77.0.6/31"}""")),
        ["an IPv6 /128"] = Text(CniErrorCode.InvalidNetworkConfig, WithRange("""{"subnet":"fd00::1/128"}""")),
        ["mixed families in one range set"] = Text(CniErrorCode.InvalidNetworkConfig, Network(HostLocal("""[[{"subnet":"10.77.0.0/24"},{"subnet":"fd00:77::/64"}]]""")), "mixed address families"),
        ["legacy subnet with prefix /33"] = Text(CniErrorCode.InvalidNetworkConfig, Network("""{"type":"host-local","dataDir":"{DATA}","subnet":"10.77.0.0/33"}"""), "invalid CIDR \"10.77.0.0/33\" in subnet"),
        ["route destination is not a CIDR"] = Text(CniErrorCode.InvalidNetworkConfig, Network(HostLocal(extra: ",\"routes\":[{\"dst\":\"default\"}]"))) with { ExactMessage = "invalid CIDR \"default\" in routes.dst" },
        ["route gateway is not an address"] = Text(CniErrorCode.InvalidNetworkConfig, Network(HostLocal(extra: ",\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.77.0.300\"}]"))),

        // Requests: CNI_ARGS, args and runtimeConfig.
        ["CNI_ARGS pair with two ="] = Args(CniErrorCode.DecodingFailure, "K8S_POD_NAME=a=b"),
        ["CNI_ARGS pair with empty key"] = Args(CniErrorCode.DecodingFailure, "=value"),
        ["CNI_ARGS unknown key with IgnoreUnknown=0"] = Args(CniErrorCode.UnsupportedField, "IgnoreUnknown=0;FOO=bar"),
        ["CNI_ARGS MAC is too short"] = Args(CniErrorCode.InvalidNetworkConfig, "MAC=0a:58:00:00:01"),
        ["CNI_ARGS MAC is multicast"] = Args(CniErrorCode.InvalidNetworkConfig, "MAC=01:00:5e:00:00:01"),
        ["CNI_ARGS MAC is broadcast"] = Args(CniErrorCode.InvalidNetworkConfig, "MAC=ff:ff:ff:ff:ff:ff"),
        ["CNI_ARGS MAC is all zeros"] = Args(CniErrorCode.InvalidNetworkConfig, "MAC=00:00:00:00:00:00"),
        ["CNI_ARGS IP in inet_aton short form"] = Args(CniErrorCode.InvalidNetworkConfig, "IP=10.77.5"),
        ["CNI_ARGS IP with a leading zero"] = Args(CniErrorCode.InvalidNetworkConfig, "IP=10.77.0.05"),
        ["args.cni.mac is not a MAC"] = Text(CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"args\":{\"cni\":{\"mac\":\"0a-58\"}}")) with { ExactMessage = "invalid MAC address \"0a-58\"" },
        ["runtimeConfig.mac is not a MAC"] = Text(CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"runtimeConfig\":{\"mac\":\"not-a-mac\"}")) with { ExactMessage = "invalid MAC address \"not-a-mac\"" },
        ["runtimeConfig.ips has text that is no address"] = Text(CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"runtimeConfig\":{\"ips\":[\"ten.77.0.5/24\"]}")),
        ["args.cni.ips has text that is no address"] = Text(CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"args\":{\"cni\":{\"ips\":[\"10.77.0\"]}}")),

        // Malformed configuration text.
        ["two objects"] = Text(CniErrorCode.DecodingFailure, Network() + "{}"),
        ["a string, not an object"] = Text(CniErrorCode.DecodingFailure, "\"podnet\""),
        ["a number, not an object"] = Text(CniErrorCode.DecodingFailure, "42"),
        ["empty stdin"] = Text(CniErrorCode.DecodingFailure, string.Empty),
        ["whitespace only"] = Text(CniErrorCode.DecodingFailure, " \n\t "),
        ["a comment"] = Text(CniErrorCode.DecodingFailure, """{"cniVersion":"1.0.0", /* no comments in JSON */ "name":"pn-corpus","type":"podnet"}"""),
        ["single-quoted strings"] = Text(CniErrorCode.DecodingFailure, "{'cniVersion':'1.0.0','name':'pn-corpus','type':'podnet'}"),
        ["name is a number"] = Text(CniErrorCode.DecodingFailure, Network().Replace("\"name\":\"pn-corpus\"", "\"name\":7", StringComparison.Ordinal)),
        ["cniVersion is a number"] = Text(CniErrorCode.DecodingFailure, Network().Replace("\"cniVersion\":\"1.0.0\"", "\"cniVersion\":1.0", StringComparison.Ordinal)),
        ["mtu is a string"] = Text(CniErrorCode.DecodingFailure, Network(extra: ",\"mtu\":\"x\""), "$.mtu"),
        ["isGateway is a string"] = Text(CniErrorCode.DecodingFailure, Network(extra: ",\"isGateway\":\"yes\""), "$.isGateway"),
        ["ranges is not an array"] = Text(CniErrorCode.DecodingFailure, Network(HostLocal("""{"subnet":"10.77.0.0/24"}"""))),
        ["a range set is not an array"] = Text(CniErrorCode.DecodingFailure, Network(HostLocal("""[{"subnet":"10.77.0.0/24"}]"""))),
        // Well-formed and well-typed but outside the schema's range: an invalid configuration, not a decode failure.
        ["vlan is -1"] = Text(CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"vlan\":-1"), "$.vlan"),
        ["ipam is a string"] = Text(CniErrorCode.DecodingFailure, Network("\"host-local\"")),
        ["dataDir is a number"] = Text(CniErrorCode.DecodingFailure, Network("""{"type":"host-local","dataDir":5,"ranges":[[{"subnet":"10.77.0.0/24"}]]}""")),

        // Requests the store cannot satisfy, next to the resident's allocation.
        ["requested IP is taken by the resident (runtimeConfig.ips)"] = new(IpamErrorCode.RequestedAddressUnavailable, n => n.Add(n.Node.Config().With("runtimeConfig", new JsonObject { ["ips"] = new JsonArray(PodConnectivityTests.ResultAddress(n.ResidentResult) + "/24") }))),
        ["requested IP is the gateway"] = new(IpamErrorCode.RequestedAddressUnavailable, n => n.Add().With("CNI_ARGS", "IP=10.88.0.1")),
        ["the interface already exists in the pod"] = new(CniErrorCode.InterfaceExists, n => n.Node.Invocation("ADD", n.Resident, n.Node.Config())),
        ["dataDir is under a regular file"] = Text(CniErrorCode.IOFailure, Network("""{"type":"host-local","dataDir":"{FILE}/ipam","ranges":[[{"subnet":"10.77.0.0/24"}]]}""")),
    };

    /// <summary>The case names, for the theory.</summary>
    public static TheoryData<string> Names => [.. Cases.Keys];

    private static BadInputCase Text(int code, string config, string? message = null) => new(code, n => n.AddText(config)) { Message = message };

    private static BadInputCase Command(string command, int code, string config, string? message = null) =>
        new(code, n => n.AddText(config).With("CNI_COMMAND", command)) { Message = message };

    private static BadInputCase Env(string variable, string value) =>
        new(CniErrorCode.InvalidEnvironment, n => n.AddText(Network()).With(variable, value));

    private static BadInputCase Args(int code, string args) => new(code, n => n.AddText(Network()).With("CNI_ARGS", args));
}
