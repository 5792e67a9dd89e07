using System.Text.Json;

namespace Podnet.Cni;

/// <summary>
/// The ADD result. Written in the caller's version: 0.3.x and 0.4.0 carry <c>ips[].version</c>; 1.0.0 drops it;
/// 1.1.0 adds the route fields <c>mtu</c>, <c>advmss</c>, <c>priority</c>, <c>table</c>, <c>scope</c>.
/// </summary>
public sealed class CniResult : ICniResult
{
    /// <summary>Interfaces created or used.</summary>
    public List<CniInterface> Interfaces { get; } = [];

    /// <summary>Addresses assigned.</summary>
    public List<CniIpConfig> Ips { get; } = [];

    /// <summary>Routes installed in the container.</summary>
    public List<CniRoute> Routes { get; } = [];

    /// <summary>DNS settings.</summary>
    public CniDns Dns { get; set; } = new();

    /// <inheritdoc/>
    public void WriteTo(Utf8JsonWriter writer, string cniVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ToSchema(cniVersion).Write(writer);
    }

    /// <summary>The result as the schema-generated wire type, shaped for <paramref name="cniVersion"/>.</summary>
    public Schema.SuccessResult ToSchema(string cniVersion)
    {
        bool legacy = !CniVersion.AtLeast(cniVersion, "1.0.0");
        bool v11 = CniVersion.AtLeast(cniVersion, "1.1.0");
        return new Schema.SuccessResult
        {
            CniVersion = cniVersion,
            Interfaces = Interfaces.Count == 0 ? null : [.. Interfaces.Select(i => new Schema.ResultInterface
            {
                Name = i.Name,
                Mac = i.Mac,
                Mtu = v11 && i.Mtu is { } mtu ? (uint)mtu : null,
                Sandbox = i.Sandbox,
            })],
            Ips = Ips.Count == 0 ? null : [.. Ips.Select(ip => new Schema.IpConfiguration
            {
                Version = legacy ? (ip.IsIPv6 ? Schema.IpVersion.V6 : Schema.IpVersion.V4) : null,
                Interface = ip.Interface is { } index ? (uint)index : null,
                Address = ip.Cidr,
                Gateway = ip.Gateway?.ToString(),
            })],
            Routes = Routes.Count == 0 ? null : [.. Routes.Select(r => new Schema.Route
            {
                Dst = r.Cidr,
                Gw = r.Gateway?.ToString(),
                Mtu = v11 ? (uint?)r.Mtu : null,
                Advmss = v11 ? (uint?)r.AdvMss : null,
                Priority = v11 ? (uint?)r.Priority : null,
                Table = v11 ? (uint?)r.Table : null,
                Scope = v11 ? (uint?)r.Scope : null,
            })],
            Dns = new Schema.DnsConfiguration
            {
                Nameservers = Dns.Nameservers.Count == 0 ? null : [.. Dns.Nameservers],
                Domain = Dns.Domain,
                Search = Dns.Search.Count == 0 ? null : [.. Dns.Search],
                Options = Dns.Options.Count == 0 ? null : [.. Dns.Options],
            },
        };
    }
}
