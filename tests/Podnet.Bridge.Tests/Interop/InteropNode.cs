using System.Net;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>What libcni needs on a <see cref="TestNode"/> besides the node itself: a conflist file, its cache directory, the pod subnet.</summary>
internal static class InteropNode
{
    /// <summary>The pod subnet (inside the test's namespaces only).</summary>
    public static IPNetwork Subnet { get; } = IPNetwork.Parse("10.244.7.0/24");

    /// <summary>libcni's cache directory, in the node's work directory.</summary>
    public static string CacheDirectory(this TestNode node) => Path.Combine(node.Directory, "cache");

    /// <summary>Writes <paramref name="conflistJson"/> into the node's work directory and returns its path.</summary>
    public static string WriteConflist(this TestNode node, string conflistJson)
    {
        string path = Path.Combine(node.Directory, "network.conflist");
        File.WriteAllText(path, conflistJson);
        return path;
    }
}
