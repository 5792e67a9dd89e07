using System.Net;

namespace Podnet.Agent.Node;

/// <summary>What <c>podnetd run</c> was told, whatever the cluster source.</summary>
public sealed class AgentOptions
{
    /// <summary>This node's name.</summary>
    public required string NodeName { get; init; }

    /// <summary>The CNI configuration directory the conflist goes to.</summary>
    public string CniConfDir { get; init; } = "/etc/cni/net.d";

    /// <summary>The CNI plugin directory the <c>podnet</c> binary goes to, when it sits next to <c>podnetd</c>.</summary>
    public string CniBinDir { get; init; } = "/opt/cni/bin";

    /// <summary>The conflist's file name.</summary>
    public string ConfName { get; init; } = "10-podnet.conflist";

    /// <summary>The CNI network name.</summary>
    public string NetworkName { get; init; } = "podnet";

    /// <summary>The node bridge.</summary>
    public string BridgeName { get; init; } = "v-net-0";

    /// <summary>The flannel-style subnet file that marks the node ready.</summary>
    public string SubnetFilePath { get; init; } = Podnet.Node.Installation.SubnetFile.DefaultPath;

    /// <summary>How often a full reconcile runs even without events.</summary>
    public TimeSpan Resync { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether to masquerade pod traffic leaving the cluster's pod networks.</summary>
    public bool IpMasq { get; init; } = true;

    /// <summary>The MTU for pods; <see langword="null"/>: that of the interface holding the node's address.</summary>
    public int? Mtu { get; init; }

    /// <summary>Where <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> are served (<see langword="null"/>: nowhere).</summary>
    public IPEndPoint? HealthEndpoint { get; init; }
}
