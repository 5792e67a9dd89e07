using System.Net;
using System.Text.Json;
using FibRules;
using FibRules.Configuration;
using Podnet.Netlink;
using Podnet.Netlink.Testing;

// Adds, dumps and deletes a FIB rule in a throwaway network namespace, checking every step against iproute2.
// Exit code 0 only if every check held; each check prints one line.
const ushort NewRule = 32, DeleteRule = 33, GetRule = 34;
const byte Inet = 2, ToTable = 1;

// The rule comes from JSON whose type the Podnet.Cni schema generator wrote from rule.schema.json.
RuleConfiguration config = RuleConfiguration.Parse("""{"from":"10.1.0.0/16","table":100,"priority":1000}"""u8);
// "from" is format "cidr": the generated reader has parsed it into a Podnet.Cni.IpCidr.
IPNetwork from = new(config.From.NetworkAddress, config.From.PrefixLength);
var rule = new FibRuleMessage
{
    Header = new FibRuleHeader { Family = Inet, SourceLength = (byte)from.PrefixLength, Table = (byte)config.Table, Action = ToTable },
    Source = from.BaseAddress,
    Priority = config.Priority,
};
string[] ipArguments = ["rule", "add", "from", config.From.ToString(), "table", $"{config.Table}", "priority", $"{config.Priority}"];

try
{
    // Golden: our RTM_NEWRULE is byte for byte what `ip rule add` sends (captured in a namespace of its own).
    NetlinkCapture golden;
    using (TestNamespace scratch = TestNamespace.Create())
    {
        golden = Iproute2Capture.Ip(scratch, ipArguments);
    }

    byte[] ours = RequestRecorder.Record(NetlinkProtocol.Route,
        socket => socket.Request(NewRule, NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive, rule));
    Check(Convert.ToHexString(ours) == Convert.ToHexString(golden.Datagram),
        $"golden: request equals `{golden.Command}` ({ours.Length} bytes)",
        $"ours {Convert.ToHexString(ours)}, ip {Convert.ToHexString(golden.Datagram)}");

    using TestNamespace ns = TestNamespace.Create();
    using NetlinkSocket rtnl = ns.OpenSocket();

    rtnl.Request(NewRule, NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive, rule);
    List<FibRuleMessage> dumped = rtnl.Dump(GetRule, new FibRuleMessage { Header = new FibRuleHeader { Family = Inet } });
    Check(Describe(dumped) == DescribeIp(IprouteJson.Ip(ns, "-4", "rule", "show")),
        $"add+dump: {Describe(dumped)} equals ip -j rule show", $"ip: {DescribeIp(IprouteJson.Ip(ns, "-4", "rule", "show"))}");
    Check(dumped.Any(r => r.Priority == config.Priority && from.BaseAddress.Equals(r.Source) && r.Table == config.Table),
        "dump: the new rule parsed back (priority, FRA_SRC, FRA_TABLE)", Describe(dumped));

    rtnl.Request(DeleteRule, NetlinkMessageFlags.None, rule);
    List<FibRuleMessage> after = rtnl.Dump(GetRule, new FibRuleMessage { Header = new FibRuleHeader { Family = Inet } });
    Check(Describe(after) == DescribeIp(IprouteJson.Ip(ns, "-4", "rule", "show")) && after.Count == dumped.Count - 1,
        $"delete: {Describe(after)} equals ip -j rule show", Describe(after));

    NetlinkException? missing = null;
    try
    {
        rtnl.Request(DeleteRule, NetlinkMessageFlags.None, rule);
    }
    catch (NetlinkException e)
    {
        missing = e;
    }

    Check(missing?.ErrnoName == "ENOENT", "delete again: ENOENT", missing?.Message ?? "no error");
    Console.WriteLine("OK");
    return 0;
}
catch (CheckFailedException e)
{
    Console.WriteLine($"FAILED {e.Message}");
    return 1;
}

// "priority:src/len:table" per rule, in dump order; "all" for no source, as ip prints it.
static string Describe(List<FibRuleMessage> rules) => string.Join(' ', rules.Select(r =>
    $"{r.Priority ?? 0}:{(r.Source is null ? "all" : $"{r.Source}/{r.Header.SourceLength}")}:{r.Table ?? r.Header.Table}"));

static string DescribeIp(JsonElement rules) => string.Join(' ', rules.EnumerateArray().Select(r =>
    $"{r.GetProperty("priority").GetUInt32()}:{(r.TryGetProperty("srclen", out JsonElement length) ? $"{r.GetProperty("src").GetString()}/{length.GetInt32()}" : "all")}:{TableId(r.GetProperty("table").GetString()!)}"));

static string TableId(string name) => name switch { "local" => "255", "main" => "254", "default" => "253", _ => name };

static void Check(bool condition, string passed, string detail)
{
    if (!condition)
    {
        throw new CheckFailedException($"{passed}: {detail}");
    }

    Console.WriteLine($"ok {passed}");
}

internal sealed class CheckFailedException(string message) : Exception(message);
