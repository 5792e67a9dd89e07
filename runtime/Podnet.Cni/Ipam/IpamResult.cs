namespace Podnet.Cni.Ipam;

/// <summary>What an IPAM ADD hands to the plugin: the result's <c>ips</c>, <c>routes</c> and <c>dns</c>.</summary>
/// <param name="Addresses">One address per range set, in range set order.</param>
/// <param name="Routes">The configured routes, unchanged.</param>
/// <param name="Dns">The DNS settings read from <c>resolvConf</c>, or null when none is configured.</param>
public sealed record IpamResult(IReadOnlyList<IpamAddress> Addresses, IReadOnlyList<IpamRoute> Routes, IpamDns? Dns);
