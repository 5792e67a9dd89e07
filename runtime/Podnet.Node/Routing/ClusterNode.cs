using System.Net;

namespace Podnet.Node.Routing;

/// <summary>A node of the cluster: its name, its addresses on the node network and its pod subnets.</summary>
public sealed record ClusterNode(string Name, IReadOnlyList<IPAddress> NodeIps, IReadOnlyList<IPNetwork> PodCidrs);
