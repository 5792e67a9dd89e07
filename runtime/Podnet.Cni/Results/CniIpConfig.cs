using System.Net;

namespace Podnet.Cni;

/// <summary>An address in a result, with the index of its interface in <see cref="CniResult.Interfaces"/>.</summary>
public sealed record CniIpConfig(IPAddress Address, int PrefixLength, IPAddress? Gateway = null, int? Interface = null)
{
    /// <summary>The address in CIDR notation, as CNI writes it (<c>10.244.1.5/24</c>).</summary>
    public string Cidr => $"{Address}/{PrefixLength}";

    /// <summary>Whether this is an IPv6 address.</summary>
    public bool IsIPv6 => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
}
