using System.Text.Json;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>A cluster description file (<c>specs/cni/cluster.schema.json</c>) in a private temporary directory.</summary>
public sealed class ClusterFile : IDisposable
{
    private readonly string _directory = Podnet.Netlink.Testing.TestNames.CreateDirectory("cluster");

    /// <summary>The file's path (<c>cluster.json</c> in the temporary directory).</summary>
    public string Path => System.IO.Path.Combine(_directory, "cluster.json");

    /// <summary>Creates the file with <paramref name="nodes"/>.</summary>
    public static ClusterFile With(params ClusterNodeEntry[] nodes)
    {
        var file = new ClusterFile();
        file.Write(nodes);
        return file;
    }

    /// <summary>Renders <paramref name="nodes"/> as a cluster description.</summary>
    public static byte[] Render(IEnumerable<ClusterNodeEntry> nodes)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("nodes");
            foreach (ClusterNodeEntry node in nodes)
            {
                writer.WriteStartObject();
                writer.WriteString("name", node.Name);
                writer.WriteStartArray("nodeIPs");
                foreach (string ip in node.NodeIps)
                {
                    writer.WriteStringValue(ip);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("podCIDRs");
                foreach (string cidr in node.PodCidrs)
                {
                    writer.WriteStringValue(cidr);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Replaces the file's content with <paramref name="nodes"/> (in place, as an editor saves).</summary>
    public void Write(params ClusterNodeEntry[] nodes) => File.WriteAllBytes(Path, Render(nodes));

    /// <summary>Replaces the file's content with raw text (for malformed files).</summary>
    public void WriteText(string text) => File.WriteAllText(Path, text);

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
