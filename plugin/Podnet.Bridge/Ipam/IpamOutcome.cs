using Podnet.Cni.Schema;

namespace Podnet.Bridge.Ipam;

/// <summary>What IPAM returned for an ADD: addresses, routes for the pod, DNS (null when none).</summary>
internal sealed record IpamOutcome(IReadOnlyList<AssignedAddress> Addresses, IReadOnlyList<Route> Routes, DnsConfiguration? Dns)
{
    public static IpamOutcome None { get; } = new([], [], null);
}
