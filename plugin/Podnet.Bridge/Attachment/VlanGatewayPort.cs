using Podnet.Bridge.Configuration;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Attachment;

/// <summary>
/// With <c>vlan</c> and <c>isGateway</c>: the host interface that holds the gateway address inside the access VLAN.
/// The bridge device itself is an untagged member of VLAN 1 only, so an address on it cannot be reached from pods
/// whose port has another PVID (on Debian 12's 6.1 their pings went unanswered). As the reference plugin does, a
/// veth pair: <c>&lt;bridge&gt;.&lt;vlan&gt;</c> carries the address, its peer is a bridge port with the VLAN as
/// untagged PVID. The first ADD that needs it creates it, later ones share it, and DEL keeps it, like the bridge.
/// </summary>
internal static class VlanGatewayPort
{
    public static LinkMessage Ensure(Rtnetlink host, LinkMessage bridge, BridgeSettings settings, RollbackStack rollback)
    {
        string name = settings.VlanGatewayName ?? throw new InvalidOperationException("no VLAN gateway is configured");
        if (host.Links.Find(name) is { } existing)
        {
            return existing;
        }

        string peer = HostVethName.Next();
        try
        {
            host.Links.CreateVethPair(new VethPair(name, peer) { Mtu = settings.Mtu });
        }
        catch (NetlinkException e) when (e.Errno == Errno.EEXIST && host.Links.Find(name) is { } concurrent)
        {
            // A concurrent ADD created it first.
            return concurrent;
        }

        rollback.Push($"VLAN gateway {name}", () => host.Links.DeleteIfExists(name));
        int peerIndex = host.Links.Get(peer).Index;
        host.Links.SetMaster(peerIndex, bridge.Index);
        BridgeVlans.ConfigureGatewayPort(host, peerIndex, settings);
        host.Links.SetUp(peerIndex);
        host.Links.SetUp(host.Links.Get(name).Index);
        return host.Links.Get(name);
    }
}
