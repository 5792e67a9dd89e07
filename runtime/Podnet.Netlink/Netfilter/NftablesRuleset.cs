namespace Podnet.Netlink.Netfilter;

/// <summary>
/// Podnet's nftables rules in one network namespace, over a <see cref="NetlinkProtocol.Netfilter"/> socket opened
/// there by the caller: masquerading (the reference bridge plugin's <c>ipMasq</c>) and the MAC spoof check
/// (<c>macspoofchk</c>). Every rule is tagged with its <see cref="RuleOwner"/>; adding replaces the owner's rules and
/// removing deletes them, each as one atomic batch. Tables and chains are created on demand and never deleted, so
/// concurrent callers cannot race a deletion. No nft or iptables binary is involved.
/// </summary>
/// <remarks>
/// Calls for different owners may run concurrently (from separate sockets or processes): table and chain creation is
/// idempotent (<c>NLM_F_CREATE</c> without <c>NLM_F_EXCL</c>). Calls for the same owner must be serialised by the
/// caller, as a container runtime does for one container.
/// </remarks>
public sealed class NftablesRuleset
{
    private const int Attempts = 5;
    private readonly NetlinkSocket _socket;

    /// <summary>Works through <paramref name="socket"/> (protocol <see cref="NetlinkProtocol.Netfilter"/>).</summary>
    public NftablesRuleset(NetlinkSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.Protocol != NetlinkProtocol.Netfilter)
        {
            throw new ArgumentException($"nftables needs a {NetlinkProtocol.Netfilter} socket, not {socket.Protocol}.", nameof(socket));
        }

        _socket = socket;
    }

    /// <summary>
    /// Masquerades traffic from the owner's pod addresses that leaves their pod networks: ensures
    /// <see cref="BaseChain.Masquerade"/>, then replaces the owner's rules there with one <see cref="MasqueradeRule"/>
    /// per source, in one batch.
    /// </summary>
    /// <exception cref="NetlinkException">The kernel refused (for example: no nf_tables, or a conflicting chain).</exception>
    public void AddMasquerade(RuleOwner owner, IReadOnlyCollection<MasqueradeSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var rules = new List<ExpressionList>(sources.Count);
        foreach (MasqueradeSource source in sources)
        {
            rules.Add(MasqueradeRule.Expressions(source));
        }

        Replace(BaseChain.Masquerade, owner, rules);
    }

    /// <summary>Deletes the owner's masquerade rules; returns how many there were (0 when none, or no table).</summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public int RemoveMasquerade(RuleOwner owner) => Replace(BaseChain.Masquerade, owner, []);

    /// <summary>The owners that have masquerade rules (for garbage collection).</summary>
    /// <exception cref="NetlinkException">The kernel refused the dump.</exception>
    public IReadOnlyList<RuleOwner> ListMasqueradeOwners() => ListOwners(BaseChain.Masquerade);

    /// <summary>
    /// Drops frames that enter the bridge from <paramref name="hostInterface"/> with a source MAC other than
    /// <paramref name="containerMac"/>: ensures <see cref="BaseChain.MacSpoofCheck"/> and replaces the owner's rules
    /// there with one <see cref="MacSpoofCheckRule"/>, in one batch.
    /// </summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public void AddMacSpoofCheck(RuleOwner owner, string hostInterface, MacAddress containerMac) =>
        Replace(BaseChain.MacSpoofCheck, owner, [MacSpoofCheckRule.Expressions(hostInterface, containerMac)]);

    /// <summary>Deletes the owner's MAC spoof check rules; returns how many there were.</summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public int RemoveMacSpoofCheck(RuleOwner owner) => Replace(BaseChain.MacSpoofCheck, owner, []);

    /// <summary>The owners that have MAC spoof check rules (for garbage collection).</summary>
    /// <exception cref="NetlinkException">The kernel refused the dump.</exception>
    public IReadOnlyList<RuleOwner> ListMacSpoofCheckOwners() => ListOwners(BaseChain.MacSpoofCheck);

    /// <summary>
    /// Replaces every rule of <paramref name="chain"/> tagged <paramref name="tag"/> with <paramref name="rules"/> (the
    /// table and chain are created when missing), in one atomic batch; an empty list removes them. Returns how many
    /// tagged rules there were before.
    /// </summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public int ReplaceRules(BaseChain chain, string tag, IReadOnlyList<ExpressionList> rules)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentNullException.ThrowIfNull(rules);
        return Replace(chain, tag, [.. rules]);
    }

    /// <summary>The expressions of every rule of <paramref name="chain"/> tagged <paramref name="tag"/>, in chain order.</summary>
    /// <exception cref="NetlinkException">The kernel refused the dump.</exception>
    public List<ExpressionList> ListTaggedRules(BaseChain chain, string tag)
    {
        var result = new List<ExpressionList>();
        foreach (RuleMessage rule in ListRules(chain))
        {
            if (rule.UserData is byte[] data && RuleComment.Decode(data) == tag && rule.Expressions is { } expressions)
            {
                result.Add(expressions);
            }
        }

        return result;
    }

    /// <summary>The rules of <paramref name="chain"/> (an empty list when its table or the chain does not exist).</summary>
    /// <exception cref="NetlinkException">The kernel refused the dump.</exception>
    public List<RuleMessage> ListRules(BaseChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        try
        {
            return _socket.DumpWithRetry(NftablesMessageType.GetRule, chain.ToRuleMessage());
        }
        catch (NetlinkException e) when (e.Errno == Errno.ENOENT)
        {
            return [];
        }
    }

    /// <summary>
    /// Deletes the owner's rules in <paramref name="chain"/> and, when <paramref name="rules"/> is not empty, ensures the
    /// table and chain and appends the new rules, all in one batch. A rule deleted by someone else between the dump
    /// and the batch fails the batch with ENOENT; it is then retried from a fresh dump.
    /// </summary>
    private int Replace(BaseChain chain, RuleOwner owner, List<ExpressionList> rules) => Replace(chain, owner.ToTag(), rules);

    private int Replace(BaseChain chain, string tag, List<ExpressionList> rules)
    {
        byte[] userData = RuleComment.Encode(tag);
        for (int attempt = 1; ; attempt++)
        {
            List<ulong> stale = FindHandles(chain, tag);
            if (stale.Count == 0 && rules.Count == 0)
            {
                return 0;
            }

            var batch = new NetfilterBatch();
            if (rules.Count > 0)
            {
                batch.Add(NftablesMessageType.NewTable, NetlinkMessageFlags.Create, chain.ToTableMessage());
                batch.Add(NftablesMessageType.NewChain, NetlinkMessageFlags.Create, chain.ToChainMessage());
            }

            foreach (ulong handle in stale)
            {
                batch.Add(NftablesMessageType.DeleteRule, NetlinkMessageFlags.None, chain.ToRuleMessage(handle: handle));
            }

            foreach (ExpressionList expressions in rules)
            {
                batch.Add(NftablesMessageType.NewRule, NetlinkMessageFlags.Create | NetlinkMessageFlags.Append, chain.ToRuleMessage(expressions, userData));
            }

            try
            {
                _socket.SendBatch(batch);
                return stale.Count;
            }
            catch (NetfilterBatchException e) when (e.Errno == Errno.ENOENT && e.RequestType == NftablesMessageType.DeleteRule && attempt < Attempts)
            {
            }
        }
    }

    private List<ulong> FindHandles(BaseChain chain, string tag)
    {
        var handles = new List<ulong>();
        foreach (RuleMessage rule in ListRules(chain))
        {
            if (rule.Handle is ulong handle && rule.UserData is byte[] data && RuleComment.Decode(data) == tag)
            {
                handles.Add(handle);
            }
        }

        return handles;
    }

    private IReadOnlyList<RuleOwner> ListOwners(BaseChain chain)
    {
        var owners = new List<RuleOwner>();
        foreach (RuleMessage rule in ListRules(chain))
        {
            if (rule.UserData is byte[] data && RuleOwner.TryParse(RuleComment.Decode(data), out RuleOwner owner) && !owners.Contains(owner))
            {
                owners.Add(owner);
            }
        }

        return owners;
    }
}
