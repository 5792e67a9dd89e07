using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>A route from <c>ipam.routes</c>, passed through to the result unchanged.</summary>
/// <param name="Destination">The destination prefix.</param>
/// <param name="Gateway">The next hop; null means the plugin's default gateway.</param>
public sealed record IpamRoute(IpCidr Destination, IPAddress? Gateway = null);
