using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Podnet.Netlink;

namespace Podnet.Bridge.Tests.Faults;

/// <summary>
/// A node for one fault test: a fresh network namespace where the plugin runs, a private IPAM data directory, a unique
/// network and bridge name. Configured with <c>ipMasq</c> and <c>macspoofchk</c> so every ADD writes nftables state.
/// Dispose removes the namespace (and everything in it) and the data directory.
/// </summary>
internal sealed class FaultNode : IDisposable
{
    private FaultNode(NetworkNamespace ns, string dataDirectory, string suffix, string subnet)
    {
        Namespace = ns;
        DataDirectory = dataDirectory;
        NetworkName = "fault-" + suffix;
        BridgeName = "pnf" + suffix;
        Subnet = subnet;
    }

    public NetworkNamespace Namespace { get; }

    public string Path => Namespace.Path;

    public string Name => Namespace.Name;

    public string DataDirectory { get; }

    public string NetworkName { get; }

    public string BridgeName { get; }

    public string Subnet { get; }

    public string StoreDirectory => System.IO.Path.Combine(DataDirectory, NetworkName);

    public static FaultNode Create(string subnet = "10.77.0.0/24")
    {
        string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        NetworkNamespace ns = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-fn-"));
        try
        {
            ns.BringLoopbackUp();
            return new FaultNode(ns, Directory.CreateTempSubdirectory("pn-fault-ipam-").FullName, suffix, subnet);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>The network configuration (CNI 1.1.0, so GC is available); <paramref name="validAttachments"/> adds the GC list.</summary>
    public string Config(IEnumerable<FaultPod>? validAttachments = null)
    {
        var config = new JsonObject
        {
            ["cniVersion"] = "1.1.0",
            ["name"] = NetworkName,
            ["type"] = "podnet",
            ["bridge"] = BridgeName,
            ["isGateway"] = true,
            ["ipMasq"] = true,
            ["macspoofchk"] = true,
            ["ipam"] = new JsonObject
            {
                ["type"] = "host-local",
                ["dataDir"] = DataDirectory,
                ["ranges"] = new JsonArray(new JsonArray(new JsonObject { ["subnet"] = Subnet })),
            },
        };
        if (validAttachments is not null)
        {
            var list = new JsonArray();
            foreach (FaultPod pod in validAttachments)
            {
                list.Add(new JsonObject { ["containerID"] = pod.ContainerId, ["ifname"] = FaultPod.InterfaceName });
            }

            config["cni.dev/valid-attachments"] = list;
        }

        return config.ToJsonString();
    }

    public PodnetRun Add(FaultPod pod, TimeSpan? killAfter = null) =>
        PodnetProcess.Run(Path, Environment("ADD", pod), Config(), killAfter);

    public PodnetRun Del(FaultPod pod) => PodnetProcess.Run(Path, Environment("DEL", pod), Config());

    public PodnetRun CollectGarbage(IEnumerable<FaultPod> validAttachments) =>
        PodnetProcess.Run(Path, Environment("GC", pod: null), Config(validAttachments));

    public void Dispose()
    {
        try
        {
            Namespace.Dispose();
        }
        finally
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
    }

    private static Dictionary<string, string> Environment(string command, FaultPod? pod)
    {
        var environment = new Dictionary<string, string>
        {
            ["CNI_COMMAND"] = command,
            ["CNI_PATH"] = "/usr/lib/cni",
            ["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin",
        };
        if (pod is not null)
        {
            environment["CNI_CONTAINERID"] = pod.ContainerId;
            environment["CNI_NETNS"] = pod.Path;
            environment["CNI_IFNAME"] = FaultPod.InterfaceName;
        }

        return environment;
    }
}
