using System.Globalization;
using System.Text;

namespace Podnet.AgentBench;

/// <summary>The observing node's network inside a benchmark namespace, and the same membership for the one-shot tools.</summary>
internal static class NodeNetwork
{
    /// <summary>eth0 (a veth whose peer eth0p stays in the namespace) with 10.0.0.1/16: every synthetic node IP is on-link.</summary>
    public static void AddEth0(string ns)
    {
        Shell.Run("ip", "-n", ns, "link", "set", "lo", "up");
        Shell.Run("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0p");
        Shell.Run("ip", "-n", ns, "link", "set", "eth0p", "up");
        Shell.Run("ip", "-n", ns, "addr", "add", $"{SyntheticNodes.SelfIp}/16", "dev", "eth0");
        Shell.Run("ip", "-n", ns, "link", "set", "eth0", "up");
    }

    /// <summary>Removes every protocol-98 route.</summary>
    public static void Flush(string ns) => Shell.Run("ip", "-n", ns, "route", "flush", "proto", "98");

    /// <summary>A cluster description (<c>specs/cni/cluster.schema.json</c>) of self and <paramref name="indices"/>.</summary>
    public static void WriteClusterFile(string path, IEnumerable<int> indices)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"nodes\":[\n{{\"name\":\"{SyntheticNodes.SelfName}\",\"nodeIPs\":[\"{SyntheticNodes.SelfIp}\"],\"podCIDRs\":[\"{SyntheticNodes.SelfSubnet}\"]}}");
        foreach (int i in indices)
        {
            json.Append(CultureInfo.InvariantCulture, $",\n{{\"name\":\"{SyntheticNodes.Name(i)}\",\"nodeIPs\":[\"{SyntheticNodes.Ip(i)}\"],\"podCIDRs\":[\"{SyntheticNodes.Subnet(i)}\"]}}");
        }

        json.Append("\n]}\n");
        File.WriteAllText(path, json.ToString());
    }

    /// <summary>The same routes as <c>ip -batch</c> lines (<c>route replace … proto 98</c>).</summary>
    public static void WriteBatchFile(string path, IEnumerable<int> indices) =>
        File.WriteAllLines(path, indices.Select(i => $"route replace {SyntheticNodes.Subnet(i)} via {SyntheticNodes.Ip(i)} dev eth0 proto 98"));

    /// <summary>The protocol-98 routes as <c>ip route show</c> lists them: destination → gateway.</summary>
    public static Dictionary<string, string> Routes(string ns)
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in Shell.Run("ip", "-n", ns, "-4", "route", "show", "proto", "98").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int via = Array.IndexOf(words, "via");
            routes[words[0]] = via > 0 ? words[via + 1] : "";
        }

        return routes;
    }
}
