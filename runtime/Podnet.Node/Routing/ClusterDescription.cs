using System.Net;

namespace Podnet.Node.Routing;

/// <summary>The cluster description file (<c>specs/cni/cluster.schema.json</c>), decoded and validated.</summary>
public sealed record ClusterDescription(IReadOnlyList<ClusterNode> Nodes)
{
    public static ClusterDescription Load(string path)
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The NativeAOT binary uses resource keys as exception messages; say what went wrong in words.
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new RouteSyncException($"cannot read cluster description {path}: {reason}", e);
        }

        Podnet.Cni.Schema.ClusterDescription parsed;
        try
        {
            parsed = Podnet.Cni.Schema.ClusterDescription.Parse(json);
        }
        catch (Podnet.Cni.Schema.CniDecodeException e) when (e.IsStated && NodeNameAt(json, e.Path) is { } name)
        {
            // An address or subnet the schema refuses (its errorMessage), said of the node as the file names it.
            throw new RouteSyncException($"{path}: node {name}: {e.Reason}", e);
        }
        catch (Exception e) when (e is Podnet.Cni.Schema.CniDecodeException or System.Text.Json.JsonException)
        {
            throw new RouteSyncException($"{path}: {e.Message}", e);
        }

        var nodes = new List<ClusterNode>(parsed.Nodes.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Podnet.Cni.Schema.ClusterNode node in parsed.Nodes)
        {
            if (!names.Add(node.Name))
            {
                throw new RouteSyncException($"{path}: node {node.Name} is listed twice");
            }

            // Addresses and CIDRs are parsed by the generated reader (format ip/cidr); a pod subnet must also be a network.
            var cidrs = node.PodCidrs.Select(c => c.Address.Equals(c.NetworkAddress)
                ? new IPNetwork(c.Address, c.PrefixLength)
                : throw new RouteSyncException($"{path}: node {node.Name}: \"{c}\" is not a CIDR with zero host bits")).ToList();
            nodes.Add(new ClusterNode(node.Name, node.NodeIps, cidrs));
        }

        return new ClusterDescription(nodes);
    }

    // The name of the node at "$.nodes[i]…" (the decoder's path), if the file gives it one.
    private static string? NodeNameAt(byte[] json, string jsonPath)
    {
        const string Prefix = "$.nodes[";
        int end = jsonPath.IndexOf(']', StringComparison.Ordinal);
        if (!jsonPath.StartsWith(Prefix, StringComparison.Ordinal) || end < 0
            || !int.TryParse(jsonPath.AsSpan(Prefix.Length, end - Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("nodes")[index].TryGetProperty("name", out System.Text.Json.JsonElement name)
            && name.ValueKind == System.Text.Json.JsonValueKind.String
                ? name.GetString()
                : null;
    }
}

/// <summary>A node of the cluster: its name, its addresses on the node network and its pod subnets.</summary>
public sealed record ClusterNode(string Name, IReadOnlyList<IPAddress> NodeIps, IReadOnlyList<IPNetwork> PodCidrs);
