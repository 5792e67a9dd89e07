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
        bool legacy = !CniVersion.AtLeast(cniVersion, "1.0.0");
        bool v11 = CniVersion.AtLeast(cniVersion, "1.1.0");
        writer.WriteStartObject();
        writer.WriteString("cniVersion", cniVersion);
        if (Interfaces.Count > 0)
        {
            writer.WriteStartArray("interfaces");
            foreach (CniInterface i in Interfaces)
            {
                writer.WriteStartObject();
                writer.WriteString("name", i.Name);
                if (i.Mac is not null)
                {
                    writer.WriteString("mac", i.Mac);
                }

                if (v11 && i.Mtu is { } mtu)
                {
                    writer.WriteNumber("mtu", mtu);
                }

                if (i.Sandbox is not null)
                {
                    writer.WriteString("sandbox", i.Sandbox);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Ips.Count > 0)
        {
            writer.WriteStartArray("ips");
            foreach (CniIpConfig ip in Ips)
            {
                writer.WriteStartObject();
                if (legacy)
                {
                    writer.WriteString("version", ip.IsIPv6 ? "6" : "4");
                }

                if (ip.Interface is { } index)
                {
                    writer.WriteNumber("interface", index);
                }

                writer.WriteString("address", ip.Cidr);
                if (ip.Gateway is not null)
                {
                    writer.WriteString("gateway", ip.Gateway.ToString());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Routes.Count > 0)
        {
            writer.WriteStartArray("routes");
            foreach (CniRoute route in Routes)
            {
                writer.WriteStartObject();
                writer.WriteString("dst", route.Cidr);
                if (route.Gateway is not null)
                {
                    writer.WriteString("gw", route.Gateway.ToString());
                }

                if (v11)
                {
                    WriteOptional(writer, "mtu", route.Mtu);
                    WriteOptional(writer, "advmss", route.AdvMss);
                    WriteOptional(writer, "priority", route.Priority);
                    WriteOptional(writer, "table", route.Table);
                    WriteOptional(writer, "scope", route.Scope);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("dns");
        if (Dns.Nameservers.Count > 0)
        {
            WriteStrings(writer, "nameservers", Dns.Nameservers);
        }

        if (Dns.Domain is not null)
        {
            writer.WriteString("domain", Dns.Domain);
        }

        if (Dns.Search.Count > 0)
        {
            WriteStrings(writer, "search", Dns.Search);
        }

        if (Dns.Options.Count > 0)
        {
            WriteStrings(writer, "options", Dns.Options);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }
}
