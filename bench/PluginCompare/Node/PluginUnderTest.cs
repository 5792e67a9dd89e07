using System.Text;

namespace Podnet.PluginCompare.Node;

/// <summary>
/// One plugin configuration on the simulated node: its executable, its network (name, bridge, subnet, IPAM data
/// directory) and the pod namespaces its pods live in. Both plugins get the same configuration apart from
/// <c>type</c> and the names.
/// </summary>
internal sealed class PluginUnderTest
{
    private readonly byte[] _config;
    private readonly string _cniPath;
    private int _nextContainer;

    public PluginUnderTest(string label, string executable, string type, string networkName, string bridgeName, string subnet, string dataDirectory, string cniPath)
    {
        Label = label;
        Executable = executable;
        Type = type;
        NetworkName = networkName;
        _cniPath = cniPath;
        string json =
            "{\"cniVersion\":\"1.0.0\",\"name\":\"" + networkName + "\",\"type\":\"" + type + "\",\"bridge\":\"" + bridgeName +
            "\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\",\"subnet\":\"" + subnet + "\",\"dataDir\":\"" + dataDirectory + "\"}}";
        _config = Encoding.UTF8.GetBytes(json);
    }

    /// <summary>"reference" or "podnet".</summary>
    public string Label { get; }

    public string Executable { get; }

    public string Type { get; }

    public string NetworkName { get; }

    /// <summary>The network configuration sent on stdin.</summary>
    public ReadOnlySpan<byte> Config => _config;

    /// <summary>A fresh container id for the next pod.</summary>
    public string NextContainerId() => $"{Type}-{++_nextContainer:D6}";

    /// <summary>The environment a container runtime passes (and nothing else, apart from PATH).</summary>
    public string[] Environment(string command, string containerId, string podNamespacePath) =>
    [
        "CNI_COMMAND=" + command,
        "CNI_CONTAINERID=" + containerId,
        "CNI_NETNS=" + podNamespacePath,
        "CNI_IFNAME=eth0",
        "CNI_PATH=" + _cniPath,
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ];
}
