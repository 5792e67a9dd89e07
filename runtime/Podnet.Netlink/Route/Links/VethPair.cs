using System.Runtime.InteropServices;

namespace Podnet.Netlink.Route;

/// <summary>A veth pair to create: this end, its peer, and where the peer goes.</summary>
public sealed record VethPair(string Name, string PeerName)
{
    /// <summary>An open handle to the network namespace the peer is created in (<c>IFLA_NET_NS_FD</c>), or null for this one.</summary>
    public SafeHandle? PeerNamespace { get; init; }

    /// <summary>MTU for both ends.</summary>
    public uint? Mtu { get; init; }

    /// <summary>MAC of this end (kernel-chosen when null).</summary>
    public MacAddress? Address { get; init; }

    /// <summary>MAC of the peer (kernel-chosen when null).</summary>
    public MacAddress? PeerAddress { get; init; }
}
