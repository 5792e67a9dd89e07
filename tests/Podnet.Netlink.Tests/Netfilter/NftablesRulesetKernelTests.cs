using System.Net;
using System.Text.Json;
using Podnet.Netlink.Netfilter;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Netfilter;

/// <summary>
/// <see cref="NftablesRuleset"/> against the kernel, each test in a fresh namespace, checked with the real nft.
/// </summary>
[Kernel]
public sealed class NftablesRulesetKernelTests
{
    private static readonly RuleOwner s_alice = new("podnet", "aaaaaaaaaaaa", "eth0");
    private static readonly RuleOwner s_bob = new("podnet", "bbbbbbbbbbbb", "eth0");

    private static MasqueradeSource V4(string address, string subnet = "10.22.0.0/16") =>
        new(IPAddress.Parse(address), IPNetwork.Parse(subnet));

    [Fact]
    public void Masquerade_rule_appears_in_nft_with_saddr_daddr_exclusions_and_masquerade()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);

        new NftablesRuleset(socket).AddMasquerade(s_alice, [V4("10.22.0.5")]);

        using var view = NftRulesetView.Of(ns);
        JsonElement chain = Assert.Single(view.Objects("chain"), c => c.GetProperty("family").GetString() == "inet");
        Assert.Equal(("podnet", "postrouting", "nat", "postrouting", 100),
            (chain.GetProperty("table").GetString(), chain.GetProperty("name").GetString(), chain.GetProperty("type").GetString(),
             chain.GetProperty("hook").GetString(), chain.GetProperty("prio").GetInt32()));
        JsonElement rule = Assert.Single(view.Rules("inet", "podnet", "postrouting", s_alice.ToTag()));
        Assert.Equal(
            "ip saddr == 10.22.0.5; ip daddr != 10.22.0.0/16; ip daddr != 224.0.0.0/4; masquerade",
            NftRulesetView.Describe(rule));
    }

    [Fact]
    public void Dual_stack_attachment_gets_one_ipv4_and_one_ipv6_rule_with_unaligned_prefix()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);

        new NftablesRuleset(socket).AddMasquerade(s_alice,
            [V4("10.22.0.5", "10.22.0.0/20"), new(IPAddress.Parse("fd00:22::5"), IPNetwork.Parse("fd00:22::/64"))]);

        using var view = NftRulesetView.Of(ns);
        List<string> rules = [.. view.Rules("inet", "podnet", "postrouting", s_alice.ToTag()).Select(NftRulesetView.Describe)];
        Assert.Equal(
            [
                "ip saddr == 10.22.0.5; ip daddr != 10.22.0.0/20; ip daddr != 224.0.0.0/4; masquerade",
                "ip6 saddr == fd00:22::5; ip6 daddr != fd00:22::/64; ip6 daddr != ff00::/8; masquerade",
            ],
            rules);
    }

    [Fact]
    public void Adding_twice_for_one_owner_replaces_its_rule_instead_of_duplicating_it()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);

        ruleset.AddMasquerade(s_alice, [V4("10.22.0.5")]);
        ruleset.AddMasquerade(s_alice, [V4("10.22.0.5")]);
        ruleset.AddMasquerade(s_alice, [V4("10.22.0.9")]);

        using var view = NftRulesetView.Of(ns);
        JsonElement rule = Assert.Single(view.Rules("inet", "podnet", "postrouting"));
        Assert.StartsWith("ip saddr == 10.22.0.9;", NftRulesetView.Describe(rule), StringComparison.Ordinal);
        Assert.Single(view.Objects("table"));
        Assert.Single(view.Objects("chain"));
    }

    [Fact]
    public void Removing_an_owner_deletes_only_its_rules()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);
        ruleset.AddMasquerade(s_alice, [V4("10.22.0.5"), new(IPAddress.Parse("fd00:22::5"), IPNetwork.Parse("fd00:22::/64"))]);
        ruleset.AddMasquerade(s_bob, [V4("10.22.0.6")]);

        int removed = ruleset.RemoveMasquerade(s_alice);

        Assert.Equal(2, removed);
        using var view = NftRulesetView.Of(ns);
        Assert.Empty(view.Rules("inet", "podnet", "postrouting", s_alice.ToTag()));
        JsonElement bob = Assert.Single(view.Rules("inet", "podnet", "postrouting"));
        Assert.Equal(s_bob.ToTag(), bob.GetProperty("comment").GetString());
        Assert.Equal([s_bob], ruleset.ListMasqueradeOwners());
    }

    [Fact]
    public void Removing_is_idempotent_and_succeeds_when_the_table_does_not_exist()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);

        Assert.Equal(0, ruleset.RemoveMasquerade(s_alice));
        Assert.Equal(0, ruleset.RemoveMacSpoofCheck(s_alice));
        Assert.Empty(ruleset.ListMasqueradeOwners());

        ruleset.AddMasquerade(s_alice, [V4("10.22.0.5")]);
        Assert.Equal(1, ruleset.RemoveMasquerade(s_alice));
        Assert.Equal(0, ruleset.RemoveMasquerade(s_alice));

        using var view = NftRulesetView.Of(ns);
        Assert.Empty(view.Objects("rule"));
    }

    [Fact]
    public void Removing_without_a_table_creates_nothing()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);

        new NftablesRuleset(socket).RemoveMasquerade(s_alice);

        using var view = NftRulesetView.Of(ns);
        Assert.Empty(view.Objects("table"));
    }

    [Fact]
    public void Owners_are_listed_for_garbage_collection()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);
        ruleset.AddMasquerade(s_alice, [V4("10.22.0.5"), new(IPAddress.Parse("fd00:22::5"), IPNetwork.Parse("fd00:22::/64"))]);
        ruleset.AddMasquerade(s_bob, [V4("10.22.0.6")]);
        ruleset.AddMacSpoofCheck(s_bob, "vethb0b", MacAddress.Parse("02:00:00:00:00:0b"));

        Assert.Equal([s_alice, s_bob], ruleset.ListMasqueradeOwners());
        Assert.Equal([s_bob], ruleset.ListMacSpoofCheckOwners());
    }

    [Fact]
    public void Mac_spoof_check_rule_appears_in_the_bridge_table_and_is_removed()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);

        ruleset.AddMacSpoofCheck(s_alice, "veth0a1b2c3d", MacAddress.Parse("02:42:ac:11:00:02"));
        ruleset.AddMacSpoofCheck(s_bob, "veth0b0b0b0b", MacAddress.Parse("02:42:ac:11:00:03"));

        using (var view = NftRulesetView.Of(ns))
        {
            JsonElement chain = Assert.Single(view.Objects("chain"));
            Assert.Equal(("bridge", "podnet", "prerouting", "filter", "prerouting", -200),
                (chain.GetProperty("family").GetString(), chain.GetProperty("table").GetString(), chain.GetProperty("name").GetString(),
                 chain.GetProperty("type").GetString(), chain.GetProperty("hook").GetString(), chain.GetProperty("prio").GetInt32()));
            JsonElement rule = Assert.Single(view.Rules("bridge", "podnet", "prerouting", s_alice.ToTag()));
            Assert.Equal("meta iifname == veth0a1b2c3d; ether saddr != 02:42:ac:11:00:02; drop", NftRulesetView.Describe(rule));
        }

        Assert.Equal(1, ruleset.RemoveMacSpoofCheck(s_alice));
        Assert.Equal(0, ruleset.RemoveMacSpoofCheck(s_alice));

        using (var view = NftRulesetView.Of(ns))
        {
            Assert.Empty(view.Rules("bridge", "podnet", "prerouting", s_alice.ToTag()));
            Assert.Single(view.Rules("bridge", "podnet", "prerouting", s_bob.ToTag()));
        }
    }

    [Fact]
    public async Task Concurrent_first_adds_for_different_owners_both_succeed()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket admin = ns.OpenSocket(NetlinkProtocol.Netfilter);
        using NetlinkSocket first = ns.OpenSocket(NetlinkProtocol.Netfilter);
        using NetlinkSocket second = ns.OpenSocket(NetlinkProtocol.Netfilter);
        const int rounds = 20;
        for (int round = 0; round < rounds; round++)
        {
            // Start every round without the table, so both callers race to create it.
            var drop = new NetfilterBatch();
            drop.Add(NftablesMessageType.DeleteTable, NetlinkMessageFlags.None, BaseChain.Masquerade.ToTableMessage());
            if (round > 0)
            {
                admin.SendBatch(drop);
            }

            using var barrier = new Barrier(2);
            Task a = Task.Factory.StartNew(() => { barrier.SignalAndWait(); new NftablesRuleset(first).AddMasquerade(s_alice, [V4("10.22.0.5")]); }, TaskCreationOptions.LongRunning);
            Task b = Task.Factory.StartNew(() => { barrier.SignalAndWait(); new NftablesRuleset(second).AddMasquerade(s_bob, [V4("10.22.0.6")]); }, TaskCreationOptions.LongRunning);
            await Task.WhenAll(a, b);

            Assert.Equal([s_alice, s_bob], new NftablesRuleset(admin).ListMasqueradeOwners().OrderBy(o => o.ContainerId));
        }
    }

    [Fact]
    public void A_failing_batch_commits_nothing_and_names_the_failed_message()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);
        var batch = new NetfilterBatch();
        batch.Add(NftablesMessageType.NewTable, NetlinkMessageFlags.Create, BaseChain.Masquerade.ToTableMessage());
        batch.Add(NftablesMessageType.NewChain, NetlinkMessageFlags.Create, BaseChain.Masquerade.ToChainMessage());
        batch.Add(
            NftablesMessageType.NewRule,
            NetlinkMessageFlags.Create | NetlinkMessageFlags.Append,
            new RuleMessage { Header = new NetfilterGenericHeader(NetfilterFamily.Inet), Table = "podnet", Chain = "missing", Expressions = MasqueradeRule.Expressions(V4("10.22.0.5")) });

        var error = Assert.Throws<NetfilterBatchException>(() => socket.SendBatch(batch));

        Assert.Equal(2, error.MessageIndex);
        Assert.Equal(NftablesMessageType.NewRule, error.RequestType);
        Assert.Equal(Errno.ENOENT, error.Errno);
        Assert.Contains("NFT_MSG_NEWRULE", error.Message, StringComparison.Ordinal);
        using var view = NftRulesetView.Of(ns);
        Assert.Empty(view.Objects("table"));
    }

    [Fact]
    public void A_conflicting_chain_is_reported_not_overwritten()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Netfilter);
        var batch = new NetfilterBatch();
        batch.Add(NftablesMessageType.NewTable, NetlinkMessageFlags.Create, BaseChain.Masquerade.ToTableMessage());
        ChainMessage other = BaseChain.Masquerade.ToChainMessage();
        other.Hook!.Priority = 50;
        batch.Add(NftablesMessageType.NewChain, NetlinkMessageFlags.Create, other);
        socket.SendBatch(batch);

        var error = Assert.Throws<NetfilterBatchException>(() => new NftablesRuleset(socket).AddMasquerade(s_alice, [V4("10.22.0.5")]));

        Assert.Equal(NftablesMessageType.NewChain, error.RequestType);
        using var view = NftRulesetView.Of(ns);
        Assert.Empty(view.Objects("rule"));
    }
}
