using System.Net;
using Podnet.Cni.Schema;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Ipam;

/// <summary>What IPAM returned for an ADD: addresses, routes for the pod, DNS (null when none).</summary>
internal sealed record IpamOutcome(IReadOnlyList<AssignedAddress> Addresses, IReadOnlyList<Route> Routes, DnsConfiguration? Dns)
{
    public static IpamOutcome None { get; } = new([], [], null);
}

/// <summary>An address IPAM gave the pod, with the gateway of its range.</summary>
internal sealed record AssignedAddress(InterfaceAddress Address, IPAddress? Gateway);
