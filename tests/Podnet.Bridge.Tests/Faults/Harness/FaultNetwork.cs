using System.Text.Json.Nodes;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Faults.Harness;

/// <summary>
/// The network a fault test runs on a <see cref="TestNode"/> (which it owns): configured with <c>ipMasq</c> and
/// <c>macspoofchk</c> so every ADD writes nftables state, CNI 1.1.0 so GC is available. Dispose removes the node.
/// </summary>
internal sealed class FaultNetwork : IDisposable
{
    /// <summary>The attachment's interface name in every pod.</summary>
    public const string InterfaceName = "eth0";

    private FaultNetwork(TestNode node, string subnet)
    {
        Node = node;
        Subnet = subnet;
    }

    /// <summary>The node the plugin runs on.</summary>
    public TestNode Node { get; }

    /// <summary>The node namespace's name.</summary>
    public string Name => Node.Name;

    public string DataDirectory => Node.DataDirectory;

    public string NetworkName => Node.NetworkName;

    public string BridgeName => Node.BridgeName;

    public string StoreDirectory => Node.StoreDirectory;

    public string Subnet { get; }

    public static FaultNetwork Create(string subnet = "10.77.0.0/24") => new(TestNode.Create(), subnet);

    /// <summary>The network configuration; <paramref name="validAttachments"/> adds the GC list.</summary>
    public JsonObject Config(IEnumerable<TestPod>? validAttachments = null)
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
            foreach (TestPod pod in validAttachments)
            {
                list.Add(new JsonObject { ["containerID"] = pod.ContainerId, ["ifname"] = pod.InterfaceName });
            }

            config["cni.dev/valid-attachments"] = list;
        }

        return config;
    }

    public PluginOutcome Add(TestPod pod, TimeSpan? killAfter = null) => Node.Run(Node.Invocation("ADD", pod, Config()), killAfter);

    public PluginOutcome Del(TestPod pod) => Node.Run(Node.Invocation("DEL", pod, Config()));

    public PluginOutcome CollectGarbage(IEnumerable<TestPod> validAttachments) => Node.Run(Node.Invocation("GC", Config(validAttachments)));

    public void Dispose() => Node.Dispose();
}
