using System.Net.Sockets;
using System.Text.Json;

namespace Podnet.Cni.Schema;

/// <summary>
/// The ADD result, built by a plugin directly on the generated type and written in the caller's version. The version
/// rules live here and nowhere else: 0.3.x and 0.4.0 carry <c>ips[].version</c>; 1.0.0 drops it; 1.1.0 adds the
/// interface <c>mtu</c> and the route fields <c>mtu</c>, <c>advmss</c>, <c>priority</c>, <c>table</c>, <c>scope</c>.
/// </summary>
public sealed partial class SuccessResult : ICniResult
{
    /// <inheritdoc/>
    public void WriteTo(Utf8JsonWriter writer, string cniVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ForVersion(cniVersion).Write(writer);
    }

    /// <summary>
    /// A copy shaped for <paramref name="cniVersion"/>: only the members that version defines (members the schema does
    /// not describe are dropped), empty lists omitted, <c>dns</c> always present.
    /// </summary>
    public SuccessResult ForVersion(string cniVersion)
    {
        bool legacy = !Podnet.Cni.CniVersion.AtLeast(cniVersion, "1.0.0");
        bool v11 = Podnet.Cni.CniVersion.AtLeast(cniVersion, "1.1.0");
        return new SuccessResult
        {
            CniVersion = cniVersion,
            Interfaces = Interfaces is not { Count: > 0 } ? null : [.. Interfaces.Select(i => new ResultInterface
            {
                Name = i.Name,
                Mac = i.Mac,
                Mtu = v11 ? i.Mtu : null,
                Sandbox = i.Sandbox,
            })],
            Ips = Ips is not { Count: > 0 } ? null : [.. Ips.Select(ip => new IpConfiguration
            {
                Address = ip.Address,
                Gateway = ip.Gateway,
                Interface = ip.Interface,
                Version = legacy ? (ip.Address.Address.AddressFamily == AddressFamily.InterNetworkV6 ? IpVersion.V6 : IpVersion.V4) : null,
            })],
            Routes = Routes is not { Count: > 0 } ? null : [.. Routes.Select(r => new Route
            {
                Dst = r.Dst,
                Gw = r.Gw,
                Mtu = v11 ? r.Mtu : null,
                Advmss = v11 ? r.Advmss : null,
                Priority = v11 ? r.Priority : null,
                Table = v11 ? r.Table : null,
                Scope = v11 ? r.Scope : null,
            })],
            Dns = new DnsConfiguration
            {
                Nameservers = Dns?.Nameservers is { Count: > 0 } nameservers ? [.. nameservers] : null,
                Domain = Dns?.Domain,
                Search = Dns?.Search is { Count: > 0 } search ? [.. search] : null,
                Options = Dns?.Options is { Count: > 0 } options ? [.. options] : null,
            },
        };
    }
}
