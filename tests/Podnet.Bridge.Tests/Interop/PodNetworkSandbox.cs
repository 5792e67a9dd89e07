using System.Net;
using System.Security.Cryptography;
using Podnet.Netlink;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>
/// One test's world: a fresh "node" namespace where the runtime, the plugins, the bridge and any portmap
/// rules live; a fresh "pod" namespace; a scratch directory for the configuration, libcni's cache and
/// host-local's leases. Disposing deletes all of it, also after a failed test.
/// </summary>
public sealed class PodNetworkSandbox : IDisposable
{
    private PodNetworkSandbox(NetworkNamespace node, NetworkNamespace pod, string directory)
    {
        Node = node;
        Pod = pod;
        Directory = directory;
        string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        BridgeName = "pnb" + suffix;
        ContainerId = "pn-interop-" + suffix;
        NetworkName = "pn-interop-" + suffix;
        Subnet = new IPNetwork(new IPAddress([10, 244, (byte)RandomNumberGenerator.GetInt32(256), 0]), 24);
    }

    /// <summary>The namespace acting as the node.</summary>
    public NetworkNamespace Node { get; }

    /// <summary>The namespace acting as the pod (the container's <c>CNI_NETNS</c>).</summary>
    public NetworkNamespace Pod { get; }

    /// <summary>The scratch directory.</summary>
    public string Directory { get; }

    /// <summary>A bridge name unique to this test.</summary>
    public string BridgeName { get; }

    /// <summary>The container ID.</summary>
    public string ContainerId { get; }

    /// <summary>The network name.</summary>
    public string NetworkName { get; }

    /// <summary>The pod subnet (inside the namespaces only).</summary>
    public IPNetwork Subnet { get; }

    /// <summary>libcni's cache directory.</summary>
    public string CacheDirectory => Path.Combine(Directory, "cache");

    /// <summary>host-local's <c>dataDir</c>.</summary>
    public string IpamDataDirectory => Path.Combine(Directory, "ipam");

    /// <summary>Where host-local keeps this network's leases, one file per allocated IP.</summary>
    public string IpamNetworkDirectory => Path.Combine(IpamDataDirectory, NetworkName);

    /// <summary>Creates both namespaces and the scratch directory.</summary>
    public static PodNetworkSandbox Create()
    {
        string directory = System.IO.Directory.CreateTempSubdirectory("pn-interop-").FullName;
        NetworkNamespace? node = null;
        try
        {
            node = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName());
            NetworkNamespace pod = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName());
            return new PodNetworkSandbox(node, pod, directory);
        }
        catch
        {
            node?.Dispose();

            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Writes <paramref name="conflistJson"/> into the scratch directory and returns its path.</summary>
    public string WriteConflist(string conflistJson)
    {
        string path = Path.Combine(Directory, "network.conflist");
        File.WriteAllText(path, conflistJson);
        return path;
    }

    /// <summary>Deletes the pod namespace, then the node namespace, then the scratch directory.</summary>
    public void Dispose()
    {
        var failures = new List<Exception>();
        foreach (NetworkNamespace ns in new[] { Pod, Node })
        {
            try
            {
                ns.Dispose();
            }
            catch (SystemCallException e)
            {
                failures.Add(e);
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException e)
        {
            failures.Add(e);
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("cleaning up the interop sandbox failed", failures);
        }
    }
}
