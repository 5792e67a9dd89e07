using System.Globalization;
using System.Net;
using System.Text;

namespace Podnet.Node.Installation;

/// <summary>
/// The node's <c>subnet.env</c> in flannel's format, written by <c>podnetd</c> once the node holds its subnet and read by
/// the plugin to decide whether the node is ready:
/// <code>
/// FLANNEL_NETWORK=10.244.0.0/16
/// FLANNEL_SUBNET=10.244.3.1/24
/// FLANNEL_MTU=1500
/// FLANNEL_IPMASQ=true
/// </code>
/// <c>FLANNEL_SUBNET</c> is the node's gateway address with the subnet's prefix length, as flannel writes it.
/// </summary>
/// <param name="Network">The cluster's pod network.</param>
/// <param name="Subnet">This node's pod subnet.</param>
/// <param name="Mtu">The MTU pods should use.</param>
/// <param name="IpMasq">Whether the agent masquerades traffic leaving the pod network.</param>
public sealed record SubnetFile(IPNetwork Network, IPNetwork Subnet, int Mtu, bool IpMasq)
{
    /// <summary>Where <c>podnetd</c> writes it by default.</summary>
    public const string DefaultPath = "/run/podnet/subnet.env";

    /// <summary>The file's text.</summary>
    public string Render()
    {
        byte[] gateway = Subnet.BaseAddress.GetAddressBytes();
        gateway[^1] |= 1;
        return new StringBuilder()
            .Append("FLANNEL_NETWORK=").Append(Network).Append('\n')
            .Append("FLANNEL_SUBNET=").Append(new IPAddress(gateway)).Append('/').Append(Subnet.PrefixLength).Append('\n')
            .Append("FLANNEL_MTU=").Append(Mtu.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("FLANNEL_IPMASQ=").Append(IpMasq ? "true" : "false").Append('\n')
            .ToString();
    }

    /// <summary>Parses the file's text; <see langword="null"/> with a reason when a member is missing or malformed.</summary>
    public static SubnetFile? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length > 0 && line[0] != '#' && eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }
        }

        problem = null;
        if (!values.TryGetValue("FLANNEL_SUBNET", out string? subnetText) || !IPNetwork.TryParse(subnetText, out IPNetwork subnet))
        {
            problem = "FLANNEL_SUBNET is missing or not a CIDR";
            return null;
        }

        if (!values.TryGetValue("FLANNEL_NETWORK", out string? networkText) || !IPNetwork.TryParse(networkText, out IPNetwork network))
        {
            problem = "FLANNEL_NETWORK is missing or not a CIDR";
            return null;
        }

        int mtu = values.TryGetValue("FLANNEL_MTU", out string? mtuText) && int.TryParse(mtuText, NumberStyles.None, CultureInfo.InvariantCulture, out int m) ? m : 0;
        bool masq = values.TryGetValue("FLANNEL_IPMASQ", out string? masqText) && masqText == "true";
        return new SubnetFile(network, subnet, mtu, masq);
    }

    /// <summary>
    /// Why a node whose plugin configuration names <paramref name="path"/> and hands out addresses from
    /// <paramref name="podSubnets"/> is not ready, or <see langword="null"/> when it is: the agent has written the file
    /// and its subnet is one of the configuration's.
    /// </summary>
    public static string? NotReadyReason(string path, IEnumerable<IPNetwork> podSubnets)
    {
        ArgumentNullException.ThrowIfNull(podSubnets);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"podnetd has not set up this node yet ({path} does not exist)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {path}: {e.Message}";
        }

        if (Parse(text, out string? problem) is not { } file)
        {
            return $"{path}: {problem}";
        }

        var subnets = podSubnets.ToList();
        if (subnets.Count == 0)
        {
            // Delegated IPAM: podnet does not know the ranges; the agent having written the file is all it can check.
            return null;
        }

        foreach (IPNetwork subnet in subnets)
        {
            if (subnet.Equals(file.Subnet))
            {
                return null;
            }
        }

        return $"this node's subnet is {file.Subnet} ({path}) but the network configuration hands out addresses from {string.Join(", ", subnets)}; podnetd has not rewritten it yet";
    }
}
