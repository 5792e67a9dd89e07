using Podnet.Cni.Ipam;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Faults.Harness;

/// <summary>
/// Tallies what a killed ADD left behind before DEL runs, to show the kills land in the middle of ADD (a kill that
/// always came before the first change would make the cleanup assertions vacuous).
/// </summary>
internal sealed class LeftoverCount
{
    private int _allocations;
    private int _containerLinks;
    private int _rules;

    public bool Any => _allocations + _containerLinks + _rules > 0;

    public void Record(FaultNetwork node, TestPod pod)
    {
        using (IpamStore store = IpamStore.Open(node.NetworkName, node.DataDirectory))
        {
            _allocations += store.ListAllocations().Any(a => a.ContainerId == pod.ContainerId) ? 1 : 0;
        }

        _containerLinks += NamespaceState.LinkNames(pod.Namespace.Name).Contains(FaultNetwork.InterfaceName) ? 1 : 0;
        _rules += NamespaceState.RuleComments(node.Name).Any(c => c.Contains(":" + pod.ContainerId + ":", StringComparison.Ordinal)) ? 1 : 0;
    }

    public override string ToString() => $"{_allocations} with an IP file, {_containerLinks} with {FaultNetwork.InterfaceName} in the pod, {_rules} with nftables rules";
}
