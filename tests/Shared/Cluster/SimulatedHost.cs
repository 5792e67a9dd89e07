using System.Net;

namespace Podnet.Testing.Cluster;

/// <summary>A machine of a <see cref="SimulatedCluster"/> that is not a node (an etcd member, an outside host): a namespace with <c>eth0</c> on the segment.</summary>
/// <param name="Name">Its role name, e.g. <c>etcd1</c>.</param>
/// <param name="Namespace">Its network namespace's name.</param>
/// <param name="Address">The address of its <c>eth0</c>.</param>
/// <param name="PrefixLength">The prefix length of that address.</param>
internal sealed record SimulatedHost(string Name, string Namespace, IPAddress Address, int PrefixLength)
{
    /// <summary>The namespace's path under /run/netns.</summary>
    public string NamespacePath => $"/run/netns/{Namespace}";
}
