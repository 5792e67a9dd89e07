using System.Net;

namespace Podnet.Testing.Cluster;

/// <summary>
/// A node of a <see cref="SimulatedCluster"/>: a network namespace with <c>eth0</c> at 192.168.1.(10+n)/20 on the
/// segment, and the node's own directories (CNI configuration and plugin directories, IPAM store, subnet file) under
/// the cluster's work directory.
/// </summary>
internal sealed record SimulatedNode(string Name, int Index, string Namespace, IPAddress NodeIp, int SegmentPrefix, string Directory)
{
    /// <summary>The namespace's path under /run/netns.</summary>
    public string NamespacePath => $"/run/netns/{Namespace}";

    /// <summary>The CNI configuration directory (<c>/etc/cni/net.d</c> of a real node).</summary>
    public string ConfigDirectory => Path.Combine(Directory, "net.d");

    /// <summary>The CNI plugin directory (<c>/opt/cni/bin</c> of a real node).</summary>
    public string BinDirectory => Path.Combine(Directory, "bin");

    /// <summary>The IPAM store the runtime points the plugin at (<c>/var/lib/cni/networks</c> of a real node).</summary>
    public string IpamDirectory => Path.Combine(Directory, "ipam");

    /// <summary>The flannel-style subnet file (<c>/run/podnet/subnet.env</c> of a real node).</summary>
    public string SubnetFile => Path.Combine(Directory, "run", "subnet.env");

    /// <summary>The conflist <c>podnet install</c> and <c>podnetd</c> write.</summary>
    public string ConflistPath => Path.Combine(ConfigDirectory, "10-podnet.conflist");

    /// <summary>The plugin binary installed on the node.</summary>
    public string PluginPath => Path.Combine(BinDirectory, "podnet");
}
