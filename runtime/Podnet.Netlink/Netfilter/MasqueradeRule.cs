using System.Net.Sockets;
using System.Net;

namespace Podnet.Netlink.Netfilter;

/// <summary>
/// The rule that masquerades one pod address, in <see cref="BaseChain.Masquerade"/>:
/// <c>ip saddr POD ip daddr != SUBNET ip daddr != 224.0.0.0/4 masquerade</c>, or for IPv6
/// <c>ip6 saddr POD ip6 daddr != SUBNET ip6 daddr != ff00::/8 masquerade</c>.
/// </summary>
public static class MasqueradeRule
{
    private static readonly IPNetwork s_ipv4Multicast = IPNetwork.Parse("224.0.0.0/4");
    private static readonly IPNetwork s_ipv6Multicast = IPNetwork.Parse("ff00::/8");

    /// <summary>The expressions of the rule for <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException">The address and the subnet are of different families.</exception>
    public static ExpressionList Expressions(MasqueradeSource source)
    {
        IPAddress address = source.Address ?? throw new ArgumentException("The pod address is missing.", nameof(source));
        AddressFamily family = address.AddressFamily;
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6) || source.Subnet.BaseAddress.AddressFamily != family)
        {
            throw new ArgumentException($"Pod address {address} and subnet {source.Subnet} must both be IPv4 or both IPv6.", nameof(source));
        }

        bool ipv6 = family == AddressFamily.InterNetworkV6;
        uint sourceOffset = ipv6 ? 8u : 12u;       // saddr in the IPv6 / IPv4 header
        uint destinationOffset = ipv6 ? 24u : 16u; // daddr

        var list = new List<Expression>(12);
        PacketMatch.NetfilterProtocolIs(list, family);
        PacketMatch.PayloadCompare(list, PayloadBase.Network, sourceOffset, CompareOperator.Equal, address.GetAddressBytes());
        PacketMatch.AddressNotInNetwork(list, destinationOffset, source.Subnet);
        PacketMatch.AddressNotInNetwork(list, destinationOffset, ipv6 ? s_ipv6Multicast : s_ipv4Multicast);
        list.Add(Expression.Of(new MasqueradeExpressionData()));
        return new ExpressionList { Elements = list };
    }

    /// <summary>
    /// The node agent's rule for a whole pod subnet: <c>ip saddr SUBNET ip daddr != EXEMPT… ip daddr != 224.0.0.0/4
    /// masquerade</c> (IPv6 likewise): traffic from the node's pods to anything outside the cluster's pod networks.
    /// </summary>
    /// <exception cref="ArgumentException">The networks are not all of one family.</exception>
    public static ExpressionList ForSubnet(IPNetwork podSubnet, IReadOnlyList<IPNetwork> exempt)
    {
        ArgumentNullException.ThrowIfNull(exempt);
        AddressFamily family = podSubnet.BaseAddress.AddressFamily;
        if (exempt.Any(e => e.BaseAddress.AddressFamily != family))
        {
            throw new ArgumentException($"Every exempt network must be of the family of {podSubnet}.", nameof(exempt));
        }

        bool ipv6 = family == AddressFamily.InterNetworkV6;
        uint sourceOffset = ipv6 ? 8u : 12u;
        uint destinationOffset = ipv6 ? 24u : 16u;
        var list = new List<Expression>(8 + (3 * exempt.Count));
        PacketMatch.NetfilterProtocolIs(list, family);
        PacketMatch.AddressInNetwork(list, sourceOffset, podSubnet);
        foreach (IPNetwork network in exempt)
        {
            PacketMatch.AddressNotInNetwork(list, destinationOffset, network);
        }

        PacketMatch.AddressNotInNetwork(list, destinationOffset, ipv6 ? s_ipv6Multicast : s_ipv4Multicast);
        list.Add(Expression.Of(new MasqueradeExpressionData()));
        return new ExpressionList { Elements = list };
    }
}

/// <summary>One pod address to masquerade, and the pod network its traffic stays un-NATed in.</summary>
/// <param name="Address">The pod's address (IPv4 or IPv6).</param>
/// <param name="Subnet">The pod network; traffic to it (and to multicast) keeps its source address.</param>
public readonly record struct MasqueradeSource(IPAddress Address, IPNetwork Subnet);
