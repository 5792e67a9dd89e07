using System.Net;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>
/// A fresh network namespace set up as one node of the captured dual-stack kind cluster: <c>eth0</c> (a veth whose
/// peer stays in the namespace, so the link has carrier) with the node's InternalIPs on kind's node network
/// (172.18.0.0/16 and fc00:f853:ccd:e793::/64), so the other captured nodes are on-link. Deleted on dispose.
/// </summary>
internal sealed class NodeNamespace : IDisposable
{
    private readonly NetworkNamespace _namespace;

    private NodeNamespace(NetworkNamespace created) => _namespace = created;

    /// <summary>The namespace name.</summary>
    public string Name => _namespace.Name;

    /// <summary>The namespace file.</summary>
    public string Path => _namespace.Path;

    /// <summary>Creates the namespace with <paramref name="ipv4"/>/16 and <paramref name="ipv6"/>/64 on <c>eth0</c>.</summary>
    public static NodeNamespace Create(string ipv4, string ipv6)
    {
        NetworkNamespace created = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-k8s-"));
        try
        {
            created.BringLoopbackUp();
            using Rtnetlink netlink = Rtnetlink.OpenIn(created.Path);
            netlink.Links.CreateVethPair(new VethPair("eth0", "eth0p"));
            int eth0 = netlink.Links.Get("eth0").Index;
            netlink.Addresses.Add(eth0, new InterfaceAddress(IPAddress.Parse(ipv4), 16));
            netlink.Addresses.Add(eth0, new InterfaceAddress(IPAddress.Parse(ipv6), 64), AddressFlags.NoDad);
            netlink.Links.SetUp(netlink.Links.Get("eth0p").Index);
            netlink.Links.SetUp(eth0);
            return new NodeNamespace(created);
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _namespace.Dispose();
}
