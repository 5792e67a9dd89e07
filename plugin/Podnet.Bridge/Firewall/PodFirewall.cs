using System.Net;
using Podnet.Bridge.Attachment;
using Podnet.Bridge.Configuration;
using Podnet.Bridge.Ipam;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Netlink;
using Podnet.Netlink.Netfilter;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Firewall;

/// <summary>
/// Per-attachment nftables state, over netlink (no nft or iptables binary is run): masquerade for <c>ipMasq</c> in
/// <c>table inet podnet</c>, MAC spoof checking for <c>macspoofchk</c> in <c>table bridge podnet</c>. Each rule is
/// tagged with its owner (network, container, interface) so DEL and GC remove exactly that attachment's rules.
/// </summary>
internal static class PodFirewall
{
    public static void Apply(BridgeSettings settings, CniRequest request, LinkMessage hostVeth, LinkMessage container, IpamOutcome ipam, RollbackStack rollback)
    {
        if (!settings.IpMasq && !settings.MacSpoofCheck)
        {
            return;
        }

        RuleOwner owner = Owner(settings, request.ContainerId, request.InterfaceName);
        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);
        if (settings.IpMasq && ipam.Addresses.Count > 0)
        {
            var sources = ipam.Addresses
                .Select(a => new MasqueradeSource(a.Address.Address, a.Address.Network))
                .ToList();
            rollback.Push("masquerade rules", () => Remove(owner, masquerade: true, macSpoofCheck: false));
            ruleset.AddMasquerade(owner, sources);
        }

        if (settings.MacSpoofCheck)
        {
            MacAddress mac = container.Address ?? throw new CniException(CniErrorCode.KernelError, $"container interface {request.InterfaceName} has no MAC address");
            rollback.Push("MAC spoof check rule", () => Remove(owner, masquerade: false, macSpoofCheck: true));
            ruleset.AddMacSpoofCheck(owner, hostVeth.Name!, mac);
        }
    }

    /// <summary>Removes the attachment's rules; succeeds when there are none (or no table at all).</summary>
    public static void Remove(BridgeSettings settings, CniRequest request)
    {
        if (settings.IpMasq || settings.MacSpoofCheck)
        {
            Remove(Owner(settings, request.ContainerId, request.InterfaceName), settings.IpMasq, settings.MacSpoofCheck);
        }
    }

    /// <summary>Removes the rules of every attachment of this network that is not in <paramref name="valid"/>.</summary>
    public static void CollectGarbage(BridgeSettings settings, IReadOnlyCollection<IpamAttachment> valid)
    {
        if (!settings.IpMasq && !settings.MacSpoofCheck)
        {
            return;
        }

        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);
        var keep = valid.Select(v => (v.ContainerId, v.InterfaceName)).ToHashSet();
        foreach (RuleOwner owner in ruleset.ListMasqueradeOwners().Where(o => o.Network == settings.NetworkName && !keep.Contains((o.ContainerId, o.InterfaceName))))
        {
            ruleset.RemoveMasquerade(owner);
        }

        foreach (RuleOwner owner in ruleset.ListMacSpoofCheckOwners().Where(o => o.Network == settings.NetworkName && !keep.Contains((o.ContainerId, o.InterfaceName))))
        {
            ruleset.RemoveMacSpoofCheck(owner);
        }
    }

    private static void Remove(RuleOwner owner, bool masquerade, bool macSpoofCheck)
    {
        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Netfilter);
        var ruleset = new NftablesRuleset(socket);
        if (masquerade)
        {
            ruleset.RemoveMasquerade(owner);
        }

        if (macSpoofCheck)
        {
            ruleset.RemoveMacSpoofCheck(owner);
        }
    }

    private static RuleOwner Owner(BridgeSettings settings, string containerId, string interfaceName) =>
        new(settings.NetworkName, containerId, interfaceName);
}
