using static Podnet.Cni.Tests.Commands.CorpusConfig;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Bad input, part 5: what the runtime asks for — CNI_ARGS, requested MACs and IPs.</summary>
[Kernel]
public sealed class InvalidRequestTests
{
    private static readonly Dictionary<string, BadInputCase> s_cases = new BadInputCase[]
    {
        Args("CNI_ARGS pair without =", CniErrorCode.DecodingFailure, "K8S_POD_NAME=web;novalue"),
        Args("CNI_ARGS pair with two =", CniErrorCode.DecodingFailure, "K8S_POD_NAME=a=b"),
        Args("CNI_ARGS pair with empty key", CniErrorCode.DecodingFailure, "=value"),
        Args("CNI_ARGS unknown key without IgnoreUnknown", CniErrorCode.UnsupportedField, "FOO=bar"),
        Args("CNI_ARGS unknown key with IgnoreUnknown=0", CniErrorCode.UnsupportedField, "IgnoreUnknown=0;FOO=bar"),
        Args("CNI_ARGS MAC is not a MAC", CniErrorCode.InvalidNetworkConfig, "MAC=zz:00:00:00:00:01"),
        Args("CNI_ARGS MAC is too short", CniErrorCode.InvalidNetworkConfig, "MAC=0a:58:00:00:01"),
        Args("CNI_ARGS MAC is multicast", CniErrorCode.InvalidNetworkConfig, "MAC=01:00:5e:00:00:01"),
        Args("CNI_ARGS MAC is broadcast", CniErrorCode.InvalidNetworkConfig, "MAC=ff:ff:ff:ff:ff:ff"),
        Args("CNI_ARGS MAC is all zeros", CniErrorCode.InvalidNetworkConfig, "MAC=00:00:00:00:00:00"),
        Args("CNI_ARGS IP is not an address", CniErrorCode.InvalidNetworkConfig, "IP=10.77.0.300"),
        Args("CNI_ARGS IP in inet_aton short form", CniErrorCode.InvalidNetworkConfig, "IP=10.77.5"),
        Args("CNI_ARGS IP with a leading zero", CniErrorCode.InvalidNetworkConfig, "IP=10.77.0.05"),
        new("args.cni.mac is not a MAC", CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"args\":{\"cni\":{\"mac\":\"0a-58\"}}")),
        new("runtimeConfig.mac is not a MAC", CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"runtimeConfig\":{\"mac\":\"not-a-mac\"}")),
        new("runtimeConfig.mac is multicast", CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"runtimeConfig\":{\"mac\":\"33:33:00:00:00:01\"}")),
        new("runtimeConfig.ips has text that is no address", CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"runtimeConfig\":{\"ips\":[\"ten.77.0.5/24\"]}")),
        new("args.cni.ips has text that is no address", CniErrorCode.InvalidNetworkConfig, Network(extra: ",\"args\":{\"cni\":{\"ips\":[\"10.77.0\"]}}")),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Rejected_with_the_exact_code_and_no_side_effects(string name) => BadInputRunner.RunAsync(s_cases[name]);

    private static BadInputCase Args(string name, int code, string args) =>
        new(name, code, Network()) { Environment = new Dictionary<string, string?> { ["CNI_ARGS"] = args } };
}
