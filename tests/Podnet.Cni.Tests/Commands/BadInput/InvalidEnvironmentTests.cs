using static Podnet.Cni.Tests.Commands.CorpusConfig;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Bad input, part 4: the environment — names, namespace path, command (code 4).</summary>
[Kernel]
public sealed class InvalidEnvironmentTests
{
    private const int Environment = CniErrorCode.InvalidEnvironment;

    private static readonly Dictionary<string, BadInputCase> s_cases = new BadInputCase[]
    {
        Env("ifname is 16 bytes", "CNI_IFNAME", "abcdefghijklmnop"),
        Env("ifname is 16 bytes of UTF-8", "CNI_IFNAME", "éééééééé"),
        Env("ifname contains a slash", "CNI_IFNAME", "eth/0"),
        Env("ifname contains a colon", "CNI_IFNAME", "eth0:1"),
        Env("ifname contains a space", "CNI_IFNAME", "eth 0"),
        Env("ifname is .", "CNI_IFNAME", "."),
        Env("ifname is ..", "CNI_IFNAME", ".."),
        Env("container id contains a slash", "CNI_CONTAINERID", "../etc"),
        Env("container id starts with a dash", "CNI_CONTAINERID", "-corpus"),
        Env("container id contains a colon", "CNI_CONTAINERID", "corpus:1"),
        Env("CNI_NETNS is missing", "CNI_NETNS", null) with { Message = "required env variables [CNI_NETNS] missing" },
        Env("CNI_CONTAINERID is missing", "CNI_CONTAINERID", null) with { Message = "required env variables [CNI_CONTAINERID] missing" },
        Env("CNI_PATH is missing", "CNI_PATH", null) with { Message = "required env variables [CNI_PATH] missing" },
        Env("CNI_NETNS is a regular file", "CNI_NETNS", "{FILE}"),
        Env("CNI_NETNS does not exist", "CNI_NETNS", "/run/netns/pn-cni-does-not-exist"),
        Env("CNI_NETNS is a mount namespace", "CNI_NETNS", "/proc/self/ns/mnt"),
        Env("CNI_COMMAND is unknown", "CNI_COMMAND", "ATTACH") with { Message = "unknown CNI_COMMAND: ATTACH" },
        Env("CNI_COMMAND is lower case", "CNI_COMMAND", "add"),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Rejected_with_the_exact_code_and_no_side_effects(string name) => BadInputRunner.RunAsync(s_cases[name]);

    private static BadInputCase Env(string name, string variable, string? value) =>
        new(name, Environment, Network()) { Environment = new Dictionary<string, string?> { [variable] = value } };
}
