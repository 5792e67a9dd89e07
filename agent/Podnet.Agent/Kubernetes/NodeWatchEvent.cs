using Podnet.Agent.Kubernetes.Wire;

namespace Podnet.Agent.Kubernetes;

/// <summary>One watch event: <c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c> or <c>BOOKMARK</c>, with its Node.</summary>
internal sealed record NodeWatchEvent(string Type, NodeObject Node);
