namespace Podnet.Node.Routing;

/// <summary>What a sync does when a peer's node address is not on a directly connected network.</summary>
public enum UnreachablePeerPolicy
{
    /// <summary>Refuse the whole sync and change nothing (<c>podnet routes sync</c>: the file is wrong).</summary>
    Fail,

    /// <summary>Report the peer as refused, leave its route as it is and sync every other peer (the agent).</summary>
    Skip,
}
