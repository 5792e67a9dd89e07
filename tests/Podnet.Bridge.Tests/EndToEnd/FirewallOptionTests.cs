using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>ipMasq and macspoofchk: the rules exist in the node's nftables after ADD and are gone after DEL.</summary>
[Kernel]
public sealed class FirewallOptionTests
{
    [Fact]
    public void IpMasq_adds_a_masquerade_rule_for_the_pod_that_del_removes()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config().With("isGateway", true).With("ipMasq", true);

        node.Add(pod, config).EnsureSuccess();

        List<JsonObject> rules = RulesOf(node, pod);
        Assert.Contains(rules, r => r["expr"]!.ToJsonString().Contains("\"masquerade\"", StringComparison.Ordinal));
        node.Del(pod, config).EnsureSuccess();
        Assert.Empty(RulesOf(node, pod));
        StoreAssert.OnlyBridgeRemains(node);
    }

    [Fact]
    public void Macspoofchk_adds_a_rule_for_the_container_mac_that_del_removes()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config().With("macspoofchk", true);

        JsonObject result = node.Add(pod, config).Result;

        string mac = result["interfaces"]![2]!["mac"].Text().ToLowerInvariant();
        Assert.Contains(RulesOf(node, pod), r => r.ToJsonString().Contains(mac, StringComparison.Ordinal));
        node.Del(pod, config).EnsureSuccess();
        Assert.Empty(RulesOf(node, pod));
        Assert.DoesNotContain(mac, Nftables.Ruleset(node).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Del_of_every_pod_with_ipMasq_and_macspoofchk_leaves_no_podnet_rule()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config().With("isGateway", true).With("ipMasq", true).With("macspoofchk", true);
        IReadOnlyList<TestPod> pods = node.CreatePods(3);
        foreach (TestPod pod in pods)
        {
            node.Add(pod, config).EnsureSuccess();
        }

        Assert.All(pods, pod => Assert.NotEmpty(RulesOf(node, pod)));
        foreach (TestPod pod in pods)
        {
            node.Del(pod, config).EnsureSuccess();
        }

        Assert.Empty(PodnetRules(node));
        StoreAssert.OnlyBridgeRemains(node);
        StoreAssert.HoldsNoAddress(node);
    }

    [Fact]
    public void Gc_removes_the_rules_of_attachments_not_listed_as_valid()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config("1.1.0").With("isGateway", true).With("ipMasq", true).With("macspoofchk", true);
        IReadOnlyList<TestPod> pods = node.CreatePods(2);
        foreach (TestPod pod in pods)
        {
            node.Add(pod, config).EnsureSuccess();
        }

        JsonObject gc = config.With(
            "cni.dev/valid-attachments",
            new JsonArray(new JsonObject { ["containerID"] = pods[0].ContainerId, ["ifname"] = pods[0].InterfaceName }));
        node.Run(PluginInvocation.Create("GC", gc)).EnsureSuccess();

        Assert.NotEmpty(RulesOf(node, pods[0]));
        Assert.Empty(RulesOf(node, pods[1]));
    }

    /// <summary>Every rule whose comment is a podnet owner tag.</summary>
    private static List<JsonObject> PodnetRules(TestNode node) =>
        [.. (Nftables.Ruleset(node)["nftables"]?.AsArray() ?? [])
            .Select(e => e?["rule"] as JsonObject)
            .OfType<JsonObject>()
            .Where(r => r["comment"]?.GetValue<string>().StartsWith("podnet:", StringComparison.Ordinal) == true)];

    /// <summary>The rules whose comment names the pod's attachment (<c>podnet:&lt;network&gt;:&lt;containerID&gt;:&lt;ifname&gt;</c>).</summary>
    private static List<JsonObject> RulesOf(TestNode node, TestPod pod)
    {
        string owner = $"podnet:{node.NetworkName}:{pod.ContainerId}:{pod.InterfaceName}";
        JsonArray entries = Nftables.Ruleset(node)["nftables"]?.AsArray() ?? [];
        return [.. entries
            .Select(e => e?["rule"] as JsonObject)
            .OfType<JsonObject>()
            .Where(r => r["comment"]?.GetValue<string>() == owner)];
    }
}
