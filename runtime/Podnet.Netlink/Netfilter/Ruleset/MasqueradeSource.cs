using System.Net;

namespace Podnet.Netlink.Netfilter;

/// <summary>One pod address to masquerade, and the pod network its traffic stays un-NATed in.</summary>
/// <param name="Address">The pod's address (IPv4 or IPv6).</param>
/// <param name="Subnet">The pod network; traffic to it (and to multicast) keeps its source address.</param>
public readonly record struct MasqueradeSource(IPAddress Address, IPNetwork Subnet);
