using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>An address handed out for one range set: the result's <c>ips[]</c> entry.</summary>
/// <param name="RangeSetIndex">The index of the range set in the configuration.</param>
/// <param name="Address">The address.</param>
/// <param name="PrefixLength">The subnet's prefix length.</param>
/// <param name="Gateway">The range's gateway.</param>
public sealed record IpamAddress(int RangeSetIndex, IPAddress Address, int PrefixLength, IPAddress Gateway)
{
    /// <summary>The address with its prefix, as the result's <c>address</c> member spells it.</summary>
    public IpCidr Cidr => new(Address, PrefixLength);

    /// <summary><c>address/prefix</c>.</summary>
    public override string ToString() => Cidr.ToString();
}
