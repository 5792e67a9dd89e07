using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>
/// The configuration list under test: a bridge plugin (reference <c>bridge</c> or a drop-in such as
/// <c>podnet</c>) with <c>host-local</c> IPAM, chained with <c>portmap</c>.
/// </summary>
/// <param name="CniVersion">The list's <c>cniVersion</c>.</param>
/// <param name="NetworkName">The network name; host-local keeps its leases under dataDir/NetworkName.</param>
/// <param name="PluginType">The first plugin's <c>type</c>, the executable looked up on the plugin path.</param>
/// <param name="BridgeName">The Linux bridge to create in the node namespace.</param>
/// <param name="Subnet">The pod subnet host-local allocates from.</param>
/// <param name="IpamDataDirectory">host-local's <c>dataDir</c>.</param>
public sealed record BridgeConflist(
    string CniVersion,
    string NetworkName,
    string PluginType,
    string BridgeName,
    IPNetwork Subnet,
    string IpamDataDirectory)
{
    /// <summary>Writes the list as JSON.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("cniVersion", CniVersion);
            json.WriteString("name", NetworkName);
            json.WriteStartArray("plugins");

            json.WriteStartObject();
            json.WriteString("type", PluginType);
            json.WriteString("bridge", BridgeName);
            json.WriteBoolean("isGateway", true);
            json.WriteBoolean("ipMasq", false);
            json.WriteBoolean("hairpinMode", true);
            json.WriteStartObject("ipam");
            json.WriteString("type", "host-local");
            json.WriteString("dataDir", IpamDataDirectory);
            json.WriteStartArray("ranges");
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("subnet", Subnet.ToString());
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("routes");
            json.WriteStartObject();
            json.WriteString("dst", "0.0.0.0/0");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("type", "portmap");
            json.WriteStartObject("capabilities");
            json.WriteBoolean("portMappings", true);
            json.WriteEndObject();
            json.WriteBoolean("snat", true);
            json.WriteEndObject();

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
