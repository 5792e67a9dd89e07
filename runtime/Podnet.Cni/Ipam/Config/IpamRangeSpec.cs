using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// One range as written in the <c>ipam.ranges</c> configuration (the reference's <c>Range</c>),
/// before validation. Missing members get the reference's defaults in <see cref="IpRange.Create"/>.
/// </summary>
/// <param name="Subnet">The subnet, host bits as written.</param>
/// <param name="RangeStart">The first allocatable address (inclusive); default: network + 1.</param>
/// <param name="RangeEnd">The last allocatable address (inclusive); default: broadcast − 1 (IPv4) or the last address (IPv6).</param>
/// <param name="Gateway">The gateway, never allocated; default: network + 1.</param>
public sealed record IpamRangeSpec(IpCidr Subnet, IPAddress? RangeStart = null, IPAddress? RangeEnd = null, IPAddress? Gateway = null);
