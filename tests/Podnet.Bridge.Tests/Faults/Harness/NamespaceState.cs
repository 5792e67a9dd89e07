using System.Text.Json;
using Podnet.Netlink.Testing;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Faults.Harness;

/// <summary>What a namespace holds, read with iproute2 and nft (independent of the plugin's own netlink code).</summary>
internal static class NamespaceState
{
    /// <summary>Every interface name in the namespace.</summary>
    public static IReadOnlyList<string> LinkNames(string namespaceName)
    {
        using JsonDocument links = JsonDocument.Parse(IpCommand.Run("-n", namespaceName, "-j", "link", "show"));
        return [.. links.RootElement.EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!)];
    }

    /// <summary>The comments of every nftables rule in the namespace.</summary>
    public static IReadOnlyList<string> RuleComments(string namespaceName)
    {
        using JsonDocument ruleset = JsonDocument.Parse(Nftables.Ruleset(namespaceName).ToJsonString());
        var comments = new List<string>();
        foreach (JsonElement item in ruleset.RootElement.GetProperty("nftables").EnumerateArray())
        {
            if (item.TryGetProperty("rule", out JsonElement rule))
            {
                comments.Add(rule.TryGetProperty("comment", out JsonElement comment) ? comment.GetString() ?? string.Empty : string.Empty);
            }
        }

        return comments;
    }
}
