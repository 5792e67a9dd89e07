using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>One node as written into a test cluster description.</summary>
/// <param name="Name">The node name.</param>
/// <param name="NodeIps">Its addresses.</param>
/// <param name="PodCidrs">Its pod subnets.</param>
public sealed record ClusterNodeEntry(string Name, IReadOnlyList<string> NodeIps, IReadOnlyList<string> PodCidrs);
