namespace Podnet.Cni.Ipam;

/// <summary>The DNS settings of an IPAM result (the result's <c>dns</c> object).</summary>
/// <param name="Nameservers">The <c>nameserver</c> addresses, in file order.</param>
/// <param name="Domain">The last <c>domain</c> line's value, or null.</param>
/// <param name="Search">Every <c>search</c> domain, in file order.</param>
/// <param name="Options">Every <c>options</c> value, in file order.</param>
public sealed record IpamDns(IReadOnlyList<string> Nameservers, string? Domain, IReadOnlyList<string> Search, IReadOnlyList<string> Options);
