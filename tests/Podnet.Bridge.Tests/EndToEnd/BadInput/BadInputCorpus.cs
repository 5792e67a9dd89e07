using System.Text.Json.Nodes;
using Podnet.Cni;
using Podnet.Cni.Ipam;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>The bad-input corpus: each case by name, with the code the specification (or podnet's documented code) requires.</summary>
public static class BadInputCorpus
{
    /// <summary>Every case.</summary>
    public static IReadOnlyDictionary<string, BadInputCase> Cases { get; } = new Dictionary<string, BadInputCase>(StringComparer.Ordinal)
    {
        // Decoding and versions.
        ["config is malformed JSON"] = new(CniErrorCode.DecodingFailure, n => n.Add().WithStdin("{\"cniVersion\":\"1.0.0\",\"name\":")),
        ["config is a JSON array"] = new(CniErrorCode.DecodingFailure, n => n.Add().WithStdin("[]")),
        ["config has trailing garbage"] = new(CniErrorCode.DecodingFailure, n => n.Add().WithStdin(n.Node.Config().ToJsonString() + "}")),
        ["config has no name"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("name", null))),
        ["network name contains a slash"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("name", "a/b"))),
        ["cniVersion 9.9.9 is unknown"] = new(CniErrorCode.IncompatibleVersion, n => n.Add(n.Node.Config().With("cniVersion", "9.9.9"))),
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
        ["CNI_CONTAINERID is missing"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().Without("CNI_CONTAINERID")),
        ["CNI_NETNS is a regular file"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_NETNS", n.RegularFile)),
        ["CNI_NETNS is a mount namespace"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_NETNS", "/proc/self/ns/mnt")),
        ["CNI_NETNS does not exist"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_NETNS", "/run/netns/pn-e2e-does-not-exist")),
        ["CNI_NETNS is missing"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().Without("CNI_NETNS")),
        ["CNI_PATH is missing"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().Without("CNI_PATH")),
        ["CNI_COMMAND is unknown"] = new(CniErrorCode.InvalidEnvironment, n => n.Add().With("CNI_COMMAND", "FROB")),

        // IPAM configuration.
        ["subnet prefix is 33"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "10.88.0.0/33"))),
        ["subnet is not a CIDR"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "not-a-subnet"))),
        ["subnet has host bits set"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "10.88.0.5/24"))),
        ["rangeStart is outside the subnet"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithSingleRange("10.88.0.0/24", rangeStart: "10.99.0.10"))),
        ["subnet is a /32"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config("1.0.0", "10.88.0.7/32"))),
        ["rangeStart is not an address"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithSingleRange("10.88.0.0/24", rangeStart: "10.88.0"))),
        ["route dst is not a CIDR"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("routes", new JsonArray(new JsonObject { ["dst"] = "10.0.0.0/40" })))),
        // Path members: a NUL byte once escaped as code 999 with the details "ArgumentException" (found by fuzzing).
        ["dataDir contains a NUL byte"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("dataDir", "/var/lib/cni/pn\0networks"))),
        ["resolvConf contains a NUL byte"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("resolvConf", "/etc/resolv\0.conf"))),
        ["subnetFile contains a NUL byte"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("subnetFile", "/run/podnet/subnet\0.env"))),
        ["ipam has no type"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().WithIpam("type", null))),
        ["range is exhausted"] = new(CniErrorCode.AddressesExhausted, n => n.Add(n.ExhaustedConfig)),
        ["requested IP is outside every range"] = new(IpamErrorCode.RequestedAddressUnavailable, n => n.Add().With("CNI_ARGS", "IP=10.99.0.5")),
        ["requested IP is taken by the resident"] = new(IpamErrorCode.RequestedAddressUnavailable, n => n.Add().With("CNI_ARGS", "IP=" + PodConnectivityTests.ResultAddress(n.ResidentResult))),
        ["requested IP is not an address"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add().With("CNI_ARGS", "IP=10.88.0.300")),

        // Bridge options.
        // bridge.schema.json bounds vlan to 0..4094: the generated decoder reports a constraint violation, which is
        // an invalid configuration (7), not undecodable content (6).
        ["vlan is 5000"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("vlan", 5000))),
        ["ipMasqBackend is not a backend"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("ipMasqBackend", "ebtables"))),
        ["vlanTrunk minID is above maxID"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("vlanTrunk", new JsonArray(new JsonObject { ["minID"] = 300, ["maxID"] = 200 })))),
        ["mtu is 10"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("mtu", 10))),
        ["mtu is 70000"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("mtu", 70000))),
        ["hairpinMode and promiscMode together"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("hairpinMode", true).With("promiscMode", true))),
        ["bridge name is longer than 15 bytes"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("bridge", "bridge-name-too-long"))),
        ["bridge name is taken by a non-bridge link"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("bridge", n.DummyName))),

        // CNI_ARGS and MACs.
        ["MAC in CNI_ARGS is invalid"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add().With("CNI_ARGS", "MAC=zz:00:00:00:00:01")),
        ["MAC in args.cni is invalid"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("args", new JsonObject { ["cni"] = new JsonObject { ["mac"] = "02:00:00:00:00" } }))),
        ["MAC in runtimeConfig is multicast"] = new(CniErrorCode.InvalidNetworkConfig, n => n.Add(n.Node.Config().With("runtimeConfig", new JsonObject { ["mac"] = "01:00:5e:00:00:01" }))),
        ["CNI_ARGS has an unknown key without IgnoreUnknown"] = new(CniErrorCode.UnsupportedField, n => n.Add().With("CNI_ARGS", "FOO=bar")),
        ["CNI_ARGS has a pair without ="] = new(CniErrorCode.DecodingFailure, n => n.Add().With("CNI_ARGS", "novalue")),
    };

    /// <summary>The case names, for the theory.</summary>
    public static TheoryData<string> Names => [.. Cases.Keys];
}
