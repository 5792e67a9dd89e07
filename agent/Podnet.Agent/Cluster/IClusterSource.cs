using System.Threading.Channels;

namespace Podnet.Agent.Cluster;

/// <summary>
/// Where the agent learns the cluster's membership: a file, etcd or the Kubernetes API. A source runs until cancelled
/// and writes <see cref="ClusterEvent"/>s; the agent's reconciler is the same for every source.
/// </summary>
/// <remarks>
/// A source must write a <see cref="MembershipListed"/> before any <see cref="MemberChanged"/> or
/// <see cref="MemberRemoved"/>, and a <see cref="LocalLease"/> once this node's subnets are known. It must never write
/// a membership it has not read completely: the agent removes the routes of nodes missing from a listing.
/// </remarks>
public interface IClusterSource : IAsyncDisposable
{
    /// <summary>The source's name in logs and metrics (<c>file</c>, <c>etcd</c>, <c>kubernetes</c>).</summary>
    string Name { get; }

    /// <summary>Writes membership events to <paramref name="events"/> until <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="AgentException">The source cannot start (bad configuration, no subnet left): the agent exits non-zero.</exception>
    Task RunAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken);
}
