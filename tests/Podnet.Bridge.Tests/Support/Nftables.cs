using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink.Testing;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Support;

/// <summary>nftables as the independent checker: <c>nft -j list ruleset</c> inside a test namespace (nft has no namespace option; <c>ip netns exec</c> provides it).</summary>
public static class Nftables
{
    /// <summary>The ruleset of the namespace named <paramref name="namespaceName"/>, parsed.</summary>
    public static JsonNode Ruleset(string namespaceName) =>
        JsonNode.Parse(IpCommand.Run("netns", "exec", namespaceName, "nft", "-j", "list", "ruleset"))
            ?? throw new Xunit.Sdk.XunitException($"nft printed null in {namespaceName}");

    /// <summary>The ruleset of <paramref name="node"/>'s namespace.</summary>
    public static JsonNode Ruleset(TestNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Ruleset(node.Name);
    }
}
