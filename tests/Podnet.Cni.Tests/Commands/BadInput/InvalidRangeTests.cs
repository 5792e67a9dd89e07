using static Podnet.Cni.Tests.Commands.CorpusConfig;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Bad input, part 3: host-local ranges that cannot be allocated from (code 7, before anything changes).</summary>
[Kernel]
public sealed class InvalidRangeTests
{
    private const int Invalid = CniErrorCode.InvalidNetworkConfig;

    private static readonly Dictionary<string, BadInputCase> s_cases = new BadInputCase[]
    {
        new("prefix /33", Invalid, WithRange("""{"subnet":"10.0.0.0/33"}""")),
        new("three-octet subnet", Invalid, WithRange("""{"subnet":"10.0.0/24"}""")),
        new("IPv6 prefix /200", Invalid, WithRange("""{"subnet":"::1/200"}""")),
        new("subnet is not a CIDR", Invalid, WithRange("""{"subnet":"pod-network"}""")),
        new("host bits set", Invalid, WithRange("""{"subnet":"10.0.0.1/24"}""")),
        new("overlapping ranges in one set", Invalid, Network(HostLocal("""[[{"subnet":"10.77.0.0/24"},{"subnet":"10.77.0.128/25"}]]"""))),
        new("overlapping range sets", Invalid, Network(HostLocal("""[[{"subnet":"10.77.0.0/24"}],[{"subnet":"10.77.0.0/25"}]]"""))) { Message = "overlap" },
        new("rangeStart outside the subnet", Invalid, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.78.0.5"}""")),
        new("rangeEnd outside the subnet", Invalid, WithRange("""{"subnet":"10.77.0.0/24","rangeEnd":"10.78.0.5"}""")),
        new("rangeEnd before rangeStart", Invalid, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.77.0.50","rangeEnd":"10.77.0.10"}""")),
        new("rangeStart is not an address", Invalid, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.77.0.x"}""")),
        new("rangeStart in inet_aton short form", Invalid, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"10.77.5"}""")),
        new("gateway in inet_aton short form", Invalid, WithRange("""{"subnet":"10.77.0.0/24","gateway":"10.77.1"}""")),
        new("rangeStart of the other family", Invalid, WithRange("""{"subnet":"10.77.0.0/24","rangeStart":"fd00::5"}""")),
        new("gateway outside the subnet", Invalid, WithRange("""{"subnet":"10.77.0.0/24","gateway":"10.78.0.1"}""")),
        new("a /32", Invalid, WithRange("""{"subnet":"10.77.0.7/32"}""")),
        new("a /31", Invalid, WithRange("""{"subnet":"10.77.0.6/31"}""")),
        new("an IPv6 /128", Invalid, WithRange("""{"subnet":"fd00::1/128"}""")),
        new("mixed families in one range set", Invalid, Network(HostLocal("""[[{"subnet":"10.77.0.0/24"},{"subnet":"fd00:77::/64"}]]"""))) { Message = "mixed address families" },
        new("legacy subnet with prefix /33", Invalid, Network("""{"type":"host-local","dataDir":"{DATA}","subnet":"10.77.0.0/33"}""")),
        new("route destination is not a CIDR", Invalid, Network(HostLocal(extra: ",\"routes\":[{\"dst\":\"default\"}]"))),
        new("route gateway is not an address", Invalid, Network(HostLocal(extra: ",\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.77.0.300\"}]"))),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Rejected_with_the_exact_code_and_no_side_effects(string name) => BadInputRunner.RunAsync(s_cases[name]);
}
