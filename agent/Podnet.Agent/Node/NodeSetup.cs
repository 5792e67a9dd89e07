using System.Net;
using System.Net.Sockets;
using System.Text;
using Podnet.Netlink;
using Podnet.Netlink.Netfilter;
using Podnet.Netlink.Route;
using Podnet.Node.Installation;

namespace Podnet.Agent.Node;

/// <summary>
/// What the agent writes on its node once it holds a subnet: the plugin binary (when <c>podnet</c> sits next to
/// <c>podnetd</c>), the conflist with the leased subnet (the one <c>podnet install</c> writes, plus
/// <c>subnetFile</c>), the flannel-style <c>subnet.env</c> last (its presence is what makes the plugin ready), and the
/// masquerade rule for traffic leaving the cluster's pod networks. Every file is replaced atomically and only when its
/// content changes.
/// </summary>
public sealed class NodeSetup(AgentOptions options)
{
    /// <summary>The owner tag of the agent's masquerade rules.</summary>
    public const string MasqueradeTag = "podnetd:masquerade";

    private string? _appliedMasquerade;

    /// <summary>Writes the node's files for <paramref name="subnets"/> (conflist first, then <c>subnet.env</c>).</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public void WriteFiles(IReadOnlyList<IPNetwork> subnets, IReadOnlyList<IPNetwork> clusterNetworks, int mtu)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        ArgumentNullException.ThrowIfNull(clusterNetworks);
        var installation = new NodeInstallation(options.CniBinDir, options.CniConfDir, options.ConfName, force: true);
        string plugin = Path.Combine(AppContext.BaseDirectory, "podnet");
        if (File.Exists(plugin))
        {
            if (installation.InstallBinary(plugin) != NodeInstallation.Outcome.Unchanged)
            {
                Log.Info($"installed {installation.BinaryPath}");
            }
        }

        var template = new ConflistTemplate(options.NetworkName, options.BridgeName, subnets, mtu, PortMap: false, SubnetFile: options.SubnetFilePath);
        if (installation.InstallConflist(template.Render()) != NodeInstallation.Outcome.Unchanged)
        {
            Log.Info($"wrote {installation.ConflistPath} for {string.Join(", ", subnets)}");
        }

        IPNetwork ipv4 = subnets.FirstOrDefault(s => s.BaseAddress.AddressFamily == AddressFamily.InterNetwork, subnets[0]);
        IPNetwork network = clusterNetworks.FirstOrDefault(n => n.BaseAddress.AddressFamily == ipv4.BaseAddress.AddressFamily, ipv4);
        var subnetFile = new SubnetFile(network, ipv4, mtu, options.IpMasq);
        if (WriteIfChanged(options.SubnetFilePath, subnetFile.Render()))
        {
            Log.Info($"wrote {options.SubnetFilePath}: subnet {ipv4}, network {network}, mtu {mtu}");
        }
    }

    /// <summary>
    /// Masquerades traffic from <paramref name="subnets"/> to anything outside <paramref name="exempt"/> (and
    /// multicast), or removes the agent's rules when masquerading is off. A no-op when nothing changed.
    /// </summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public void ApplyMasquerade(IReadOnlyList<IPNetwork> subnets, IReadOnlyList<IPNetwork> exempt)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        ArgumentNullException.ThrowIfNull(exempt);
        var rules = new List<ExpressionList>();
        var description = new StringBuilder();
        if (options.IpMasq)
        {
            foreach (IPNetwork subnet in subnets)
            {
                AddressFamily family = subnet.BaseAddress.AddressFamily;
                var sameFamily = exempt.Where(e => e.BaseAddress.AddressFamily == family).Distinct().OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
                rules.Add(MasqueradeRule.ForSubnet(subnet, sameFamily));
                description.Append(subnet).Append(" -> !{").AppendJoin(',', sameFamily).Append("}; ");
            }
        }

        string key = description.ToString();
        if (key == _appliedMasquerade)
        {
            return;
        }

        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Netfilter);
        new NftablesRuleset(socket).ReplaceRules(BaseChain.AgentMasquerade, MasqueradeTag, rules);
        _appliedMasquerade = key;
        Log.Info(rules.Count > 0 ? $"masquerading {key.TrimEnd(' ', ';')}" : "masquerading off");
    }

    /// <summary>The MTU of the interface that holds <paramref name="nodeAddress"/>, or 1500 when none does.</summary>
    public static int DetectMtu(Rtnetlink netlink, IPAddress? nodeAddress)
    {
        ArgumentNullException.ThrowIfNull(netlink);
        if (nodeAddress is null)
        {
            return 1500;
        }

        foreach (AddressMessage address in netlink.Addresses.List(nodeAddress.AddressFamily == AddressFamily.InterNetworkV6 ? RouteAddressFamily.Inet6 : RouteAddressFamily.Inet))
        {
            if (nodeAddress.Equals(address.Address ?? address.Local))
            {
                return (int?)netlink.Links.Get(address.InterfaceIndex).Mtu ?? 1500;
            }
        }

        return 1500;
    }

    private static bool WriteIfChanged(string path, string text)
    {
        byte[] content = Encoding.UTF8.GetBytes(text);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = $"{path}.tmp-{Environment.ProcessId}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }
}
