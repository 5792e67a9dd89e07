using System.Net;

namespace Podnet.Testing;

/// <summary>A pod of a <see cref="SimulatedCluster"/>: its namespace, its node and the address the plugin gave it.</summary>
internal sealed record SimulatedPod(string Name, string Namespace, SimulatedNode Node, string ContainerId)
{
    /// <summary>The pod's IPv4 address from the plugin's ADD result.</summary>
    public IPAddress? Address { get; set; }

    /// <summary>The namespace's path under /run/netns.</summary>
    public string NamespacePath => $"/run/netns/{Namespace}";
}
