using System.Net;

namespace Podnet.Testing.Cluster;

/// <summary>A pod of a <see cref="SimulatedCluster"/>: its namespace, its node and the addresses the plugin gave it.</summary>
internal sealed record SimulatedPod(string Name, string Namespace, SimulatedNode Node, string ContainerId)
{
    /// <summary>The pod's first address from the plugin's ADD result (its IPv4 address on the default segment).</summary>
    public IPAddress? Address => Addresses.Count > 0 ? Addresses[0] : null;

    /// <summary>Every address of the plugin's ADD result, in its order.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; set; } = [];

    /// <summary>The namespace's path under /run/netns.</summary>
    public string NamespacePath => $"/run/netns/{Namespace}";
}
