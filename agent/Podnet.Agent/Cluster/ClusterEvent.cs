using System.Net;
using Podnet.Node.Routing;

namespace Podnet.Agent.Cluster;

/// <summary>What a <see cref="IClusterSource"/> tells the agent. The agent applies events in order.</summary>
public abstract record ClusterEvent;

/// <summary>
/// The whole membership, after a first list or a re-list (a compacted watch, a reconnect, a changed file): nodes that
/// are not in it have left. <paramref name="ClusterNetworks"/> are the pod networks of the whole cluster (traffic to
/// them is never masqueraded); empty when the source knows none, in which case every known pod subnet counts.
/// </summary>
public sealed record MembershipListed(IReadOnlyList<ClusterNode> Nodes, IReadOnlyList<IPNetwork> ClusterNetworks) : ClusterEvent;

/// <summary>A node joined or changed its pod subnets or addresses.</summary>
public sealed record MemberChanged(ClusterNode Node) : ClusterEvent;

/// <summary>A node left (its lease expired or was revoked, its Node object was deleted).</summary>
public sealed record MemberRemoved(string Name) : ClusterEvent;

/// <summary>
/// The source reached, or lost, its store. While it is unreachable the agent keeps every route as it is (fail static)
/// and reports itself degraded.
/// </summary>
public sealed record SourceHealth(bool Reachable, string? Problem) : ClusterEvent;

/// <summary>This node holds its pod subnets (acquired, renewed after a loss, or read from the source).</summary>
/// <param name="Subnets">This node's pod subnets.</param>
/// <param name="LeaseExpiry">When the lease runs out if not renewed (<see langword="null"/>: no lease, a reservation or a file).</param>
public sealed record LocalLease(IReadOnlyList<IPNetwork> Subnets, DateTimeOffset? LeaseExpiry) : ClusterEvent;

/// <summary>This node's subnet lease is gone (expired or revoked); the source is re-acquiring it, and the node is not ready meanwhile.</summary>
public sealed record LeaseLost : ClusterEvent;
