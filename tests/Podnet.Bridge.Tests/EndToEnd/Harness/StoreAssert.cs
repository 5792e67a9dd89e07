using System.Net;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Harness;

/// <summary>Assertions about what is left on a node after DEL.</summary>
public static class StoreAssert
{
    /// <summary>The node has only <c>lo</c> and the bridge: no veth (or anything else) is left.</summary>
    public static void OnlyBridgeRemains(TestNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Assert.Equal(new[] { "lo", node.BridgeName }.Order(StringComparer.Ordinal), NamespaceInspector.LinkNames(node.Path));
    }

    /// <summary>
    /// The network's store holds no reservation: its directory has only <c>lock</c>, <c>last_reserved_ip.N</c> and
    /// podnet's index directory, and the index has no entry (its scan certificate may remain).
    /// </summary>
    public static void HoldsNoAddress(TestNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        List<string> names = IpamStoreSnapshot.FileNames(node.StoreDirectory);
        Assert.All(names, name => Assert.True(
            name == "lock" || name.StartsWith("last_reserved_ip.", StringComparison.Ordinal) || name == ".podnet-index",
            $"unexpected file {name} in {node.StoreDirectory}: [{string.Join(", ", names)}]"));
        Assert.DoesNotContain(names, name => IPAddress.TryParse(name, out _));
        string index = Path.Combine(node.StoreDirectory, ".podnet-index");
        if (Directory.Exists(index))
        {
            // ".complete" is the scan certificate (docs/ipam.md), not an entry.
            Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(index), path => Path.GetFileName(path) != ".complete");
        }
    }
}
