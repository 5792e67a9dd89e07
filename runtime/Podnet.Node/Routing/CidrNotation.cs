using System.Net;

namespace Podnet.Node.Routing;

/// <summary>
/// Strict CIDR parsing for pod subnets: <see cref="IPNetwork.TryParse(string, out IPNetwork)"/> silently clears host
/// bits (<c>10.244.1.1/24</c> becomes <c>10.244.1.0/24</c>), which would hide a typo in a cluster file or on the
/// command line, so a prefix with host bits set is refused. The address is parsed as strictly as Go's
/// <c>net.ParseIP</c>: the inet_aton shorthands <see cref="IPAddress.TryParse(string, out IPAddress)"/> takes
/// (<c>10.244.1/24</c>) are refused too.
/// </summary>
public static class CidrNotation
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return IPNetwork.TryParse(text, out network) &&
            slash > 0 &&
            Podnet.Cni.IpAddressText.TryParse(text.AsSpan(0, slash), out IPAddress? address) &&
            address.Equals(network.BaseAddress);
    }
}
