using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Podnet.Netlink;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>
/// A node for one test: a fresh network namespace where the plugin runs, a private IPAM data directory, a unique
/// network and bridge name, and the pods created for the test. Dispose removes all of it, pods first.
/// </summary>
public sealed class E2eNode : IDisposable
{
    private readonly List<E2ePod> _pods = [];
    private readonly Lock _podsLock = new();

    private E2eNode(NetworkNamespace ns, string dataDirectory, string suffix)
    {
        Namespace = ns;
        DataDirectory = dataDirectory;
        NetworkName = "e2e-" + suffix;
        BridgeName = "pnbr" + suffix;
    }

    /// <summary>The node's network namespace.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>The namespace name (for <c>ip -n</c>).</summary>
    public string Name => Namespace.Name;

    /// <summary>The namespace path the plugin runs in.</summary>
    public string Path => Namespace.Path;

    /// <summary>The IPAM <c>dataDir</c> (a private temporary directory, never /var/lib/cni).</summary>
    public string DataDirectory { get; }

    /// <summary>The network name, unique to this node.</summary>
    public string NetworkName { get; }

    /// <summary>The bridge name, unique to this node.</summary>
    public string BridgeName { get; }

    /// <summary>host-local's directory for <see cref="NetworkName"/>.</summary>
    public string StoreDirectory => System.IO.Path.Combine(DataDirectory, NetworkName);

    /// <summary>Creates the node namespace (loopback up) and its data directory.</summary>
    public static E2eNode Create()
    {
        string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        NetworkNamespace ns = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-e2e-"));
        try
        {
            ns.BringLoopbackUp();
            string dataDirectory = Directory.CreateTempSubdirectory("pn-e2e-ipam-").FullName;
            return new E2eNode(ns, dataDirectory, suffix);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>Creates a pod namespace owned by this node (deleted with it).</summary>
    public E2ePod CreatePod(string interfaceName = "eth0")
    {
        E2ePod pod = E2ePod.Create(interfaceName);
        lock (_podsLock)
        {
            _pods.Add(pod);
        }

        return pod;
    }

    /// <summary>Creates <paramref name="count"/> pods in parallel.</summary>
    public IReadOnlyList<E2ePod> CreatePods(int count)
    {
        var pods = new E2ePod[count];
        Parallel.For(0, count, i => pods[i] = CreatePod());
        return pods;
    }

    /// <summary>The node's default configuration: podnet, this node's bridge, host-local in the private data directory.</summary>
    public JsonObject Config(string cniVersion = "1.0.0", params string[] subnets) =>
        BridgeNetworkConfig.Create(cniVersion, NetworkName, "podnet", BridgeName, DataDirectory, subnets);

    /// <summary>The invocation of <paramref name="command"/> for <paramref name="pod"/>'s attachment.</summary>
    public static PluginInvocation Invocation(string command, E2ePod pod, JsonNode config, string? cniArgs = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        PluginInvocation invocation = PluginInvocation.Create(command, config).ForAttachment(pod.ContainerId, pod.Path, pod.InterfaceName);
        return cniArgs is null ? invocation : invocation.With("CNI_ARGS", cniArgs);
    }

    /// <summary>Runs an invocation inside the node.</summary>
    public PluginOutcome Run(PluginInvocation invocation) => PluginRunner.Run(Path, invocation);

    /// <summary>ADD.</summary>
    public PluginOutcome Add(E2ePod pod, JsonNode config, string? cniArgs = null) => Run(Invocation("ADD", pod, config, cniArgs));

    /// <summary>DEL.</summary>
    public PluginOutcome Del(E2ePod pod, JsonNode config, string? cniArgs = null) => Run(Invocation("DEL", pod, config, cniArgs));

    /// <summary>CHECK with <paramref name="previousResult"/> as <c>prevResult</c>.</summary>
    public PluginOutcome Check(E2ePod pod, JsonObject config, JsonNode previousResult) =>
        Run(Invocation("CHECK", pod, BridgeNetworkConfig.WithPreviousResult(config, previousResult)));

    /// <summary>Removes pods, node namespace and data directory, whatever state they are in.</summary>
    public void Dispose()
    {
        var failures = new List<Exception>();
        lock (_podsLock)
        {
            foreach (E2ePod pod in _pods)
            {
                Try(pod.Dispose, failures);
            }

            _pods.Clear();
        }

        Try(Namespace.Dispose, failures);
        Try(() => { if (Directory.Exists(DataDirectory)) { Directory.Delete(DataDirectory, recursive: true); } }, failures);
        if (failures.Count > 0)
        {
            throw new AggregateException("cleaning up the e2e node failed", failures);
        }
    }

    private static void Try(Action action, List<Exception> failures)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // Cleanup goes on whatever one step threw; the failures are rethrown together.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failures.Add(e);
        }
    }
}
