using System.Net;
using System.Text;
using System.Text.Json;

namespace Podnet.Node.Installation;

/// <summary>The network configuration list <c>podnet install</c> writes for a node's pod subnets.</summary>
public sealed record ConflistTemplate(string NetworkName, string BridgeName, IReadOnlyList<IPNetwork> PodSubnets, int? Mtu, bool PortMap, string CniVersion = Podnet.Cni.CniVersion.Latest, string? SubnetFile = null)
{
    /// <summary>Renders the conflist as indented JSON with a trailing newline.</summary>
    public byte[] Render()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("cniVersion", CniVersion);
            w.WriteString("name", NetworkName);
            w.WriteStartArray("plugins");
            w.WriteStartObject();
            w.WriteString("type", "podnet");
            w.WriteString("bridge", BridgeName);
            w.WriteBoolean("isGateway", true);
            w.WriteBoolean("isDefaultGateway", true);

            // Pod-to-pod traffic across nodes must keep its source address: no masquerading.
            w.WriteBoolean("ipMasq", false);
            w.WriteBoolean("hairpinMode", true);
            if (SubnetFile is not null)
            {
                // Written by podnetd: the plugin is ready only while the agent's subnet.env matches these ranges.
                w.WriteString("subnetFile", SubnetFile);
            }

            if (Mtu is { } mtu)
            {
                w.WriteNumber("mtu", mtu);
            }

            w.WriteStartObject("ipam");
            w.WriteString("type", "host-local");
            w.WriteStartArray("ranges");
            foreach (IPNetwork subnet in PodSubnets)
            {
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("subnet", subnet.ToString());
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            if (PortMap)
            {
                w.WriteStartObject();
                w.WriteString("type", "portmap");
                w.WriteStartObject("capabilities");
                w.WriteBoolean("portMappings", true);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Text form, for messages.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Render());
}
