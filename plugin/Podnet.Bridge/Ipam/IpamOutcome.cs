using Podnet.Cni;

namespace Podnet.Bridge.Ipam;

/// <summary>What IPAM returned for an ADD: addresses, routes for the pod, DNS.</summary>
internal sealed record IpamOutcome(IReadOnlyList<AssignedAddress> Addresses, IReadOnlyList<CniRoute> Routes, CniDns Dns)
{
    public static IpamOutcome None { get; } = new([], [], new CniDns());
}
