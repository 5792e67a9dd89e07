using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Cni.Tests.Commands;

/// <summary>
/// A place to run the real <c>podnet</c> binary without touching the machine: a fresh "node" namespace the plugin
/// runs in, a fresh "pod" namespace for <c>CNI_NETNS</c>, and a scratch directory for the IPAM store.
/// </summary>
internal sealed class PodnetSandbox : IDisposable
{
    public const string NetworkName = "pn-corpus";
    public const string BridgeName = "pnbr0";

    private PodnetSandbox(NetworkNamespace node, NetworkNamespace pod, ScratchDirectory scratch)
    {
        Node = node;
        Pod = pod;
        Scratch = scratch;
        DataDirectory = scratch.Combine("ipam");
        RegularFile = scratch.Combine("a-regular-file");
        File.WriteAllText(RegularFile, "not a directory\n");
    }

    public NetworkNamespace Node { get; }

    public NetworkNamespace Pod { get; }

    public ScratchDirectory Scratch { get; }

    /// <summary>The <c>ipam.dataDir</c> of the configurations.</summary>
    public string DataDirectory { get; }

    /// <summary>A regular file in the scratch directory (for paths that must not be directories or namespaces).</summary>
    public string RegularFile { get; }

    public static PodnetSandbox Create()
    {
        NetworkNamespace? node = null;
        NetworkNamespace? pod = null;
        var scratch = new ScratchDirectory();
        try
        {
            node = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-cni-"));
            pod = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-cni-"));
            return new PodnetSandbox(node, pod, scratch);
        }
        catch
        {
            pod?.Dispose();
            node?.Dispose();
            scratch.Dispose();
            throw;
        }
    }

    /// <summary>The environment of an ADD into the pod namespace.</summary>
    public Dictionary<string, string> Environment(string command = "ADD", string containerId = "corpus-1", string interfaceName = "eth0") => new(StringComparer.Ordinal)
    {
        ["CNI_COMMAND"] = command,
        ["CNI_CONTAINERID"] = containerId,
        ["CNI_NETNS"] = Pod.Path,
        ["CNI_IFNAME"] = interfaceName,
        ["CNI_PATH"] = "/usr/lib/cni",
    };

    /// <summary>Runs podnet inside the node namespace.</summary>
    public Task<HostOutcome> RunAsync(IReadOnlyDictionary<string, string> environment, string? config) =>
        PluginProcess.RunAsync(PodnetBinary.Path, environment, config, Node.Path);

    /// <summary>A successful ADD (setup for the cases that need allocations first).</summary>
    public async Task AddAsync(string config, string containerId, string interfaceName)
    {
        HostOutcome outcome = await RunAsync(Environment("ADD", containerId, interfaceName), config);
        Assert.True(outcome.ExitCode == 0, $"setup ADD {containerId}/{interfaceName} failed: {outcome.StandardOutput} {outcome.StandardError}");
    }

    /// <summary>The store files and the links of both namespaces.</summary>
    public SandboxState State() => new(DirectorySnapshot.Take(Scratch.Path), LinkNames(Node.Path), LinkNames(Pod.Path));

    public void Dispose()
    {
        try
        {
            Pod.Dispose();
        }
        finally
        {
            try
            {
                Node.Dispose();
            }
            finally
            {
                Scratch.Dispose();
            }
        }
    }

    private static string[] LinkNames(string netnsPath)
    {
        using Rtnetlink rtnetlink = Rtnetlink.OpenIn(netnsPath);
        return [.. rtnetlink.Links.List().Select(l => $"{l.Index}:{l.Name}").Order(StringComparer.Ordinal)];
    }
}
