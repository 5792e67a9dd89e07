using System.Text.Json;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Netfilter;

/// <summary>
/// The ruleset of a test namespace as the real nft sees it (<c>nft -j list ruleset</c>): an independent checker of
/// what the runtime did, never used for setup.
/// </summary>
internal sealed class NftRulesetView : IDisposable
{
    private readonly JsonDocument _document;

    private NftRulesetView(JsonDocument document) => _document = document;

    /// <summary>Lists the ruleset of namespace <paramref name="ns"/>.</summary>
    public static NftRulesetView Of(TestNamespace ns)
    {
        (int exitCode, string output, string error) = IpCommand.Execute("ip", "netns", "exec", ns.Name, "nft", "-j", "list", "ruleset");
        Assert.True(exitCode == 0, $"nft -j list ruleset failed: {error}");
        return new NftRulesetView(JsonDocument.Parse(output));
    }

    /// <summary>The plain-text ruleset (<c>nft list ruleset</c>), for failure messages and text checks.</summary>
    public static string Text(TestNamespace ns) =>
        IpCommand.Execute("ip", "netns", "exec", ns.Name, "nft", "list", "ruleset").Output;

    /// <summary>Objects of one kind ("table", "chain", "rule").</summary>
    public List<JsonElement> Objects(string kind) =>
        [.. _document.RootElement.GetProperty("nftables").EnumerateArray()
            .Where(o => o.TryGetProperty(kind, out _))
            .Select(o => o.GetProperty(kind))];

    /// <summary>Rules in family/table/chain, optionally only those with comment <paramref name="comment"/>.</summary>
    public List<JsonElement> Rules(string family, string table, string chain, string? comment = null) =>
        [.. Objects("rule").Where(r =>
            r.GetProperty("family").GetString() == family &&
            r.GetProperty("table").GetString() == table &&
            r.GetProperty("chain").GetString() == chain &&
            (comment is null || (r.TryGetProperty("comment", out JsonElement c) && c.GetString() == comment)))];

    /// <summary>Renders a rule's expressions compactly, for example <c>ip saddr == 10.0.0.5; ip daddr != 10.0.0.0/16; masquerade</c>.</summary>
    public static string Describe(JsonElement rule) =>
        string.Join("; ", rule.GetProperty("expr").EnumerateArray().Select(DescribeStatement));

    public void Dispose() => _document.Dispose();

    private static string DescribeStatement(JsonElement statement)
    {
        JsonProperty only = statement.EnumerateObject().Single();
        if (only.Name != "match")
        {
            return only.Name;
        }

        JsonElement match = only.Value;
        return $"{DescribeOperand(match.GetProperty("left"))} {match.GetProperty("op").GetString()} {DescribeOperand(match.GetProperty("right"))}";
    }

    private static string DescribeOperand(JsonElement operand)
    {
        if (operand.ValueKind == JsonValueKind.String)
        {
            return operand.GetString()!;
        }

        if (operand.TryGetProperty("payload", out JsonElement payload))
        {
            return $"{payload.GetProperty("protocol").GetString()} {payload.GetProperty("field").GetString()}";
        }

        if (operand.TryGetProperty("meta", out JsonElement meta))
        {
            return "meta " + meta.GetProperty("key").GetString();
        }

        if (operand.TryGetProperty("prefix", out JsonElement prefix))
        {
            return $"{prefix.GetProperty("addr").GetString()}/{prefix.GetProperty("len").GetInt32()}";
        }

        return operand.GetRawText();
    }
}
