using System.Net;

namespace Podnet.Demo;

/// <summary>A node of the demo: a network namespace with an address on the shared segment and a pod subnet.</summary>
internal sealed record DemoNode(string Name, string Namespace, IPAddress NodeIp, int SegmentPrefix, string PodCidr, string BridgeAddress, string ConfigDirectory, string BinDirectory)
{
    public string NamespacePath => $"/run/netns/{Namespace}";
}
