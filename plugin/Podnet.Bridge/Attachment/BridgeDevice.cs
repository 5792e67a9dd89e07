using Podnet.Bridge.Configuration;
using Podnet.Cni;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Attachment;

/// <summary>The node's bridge: created on first use (safely when ADDs race), kept up, given the gateway address.</summary>
internal static class BridgeDevice
{
    /// <summary>
    /// Creates the bridge unless <paramref name="existing"/> (from <see cref="FindExisting"/>) is given, brings it up;
    /// returns its current state.
    /// </summary>
    public static LinkMessage Ensure(Rtnetlink host, BridgeSettings settings, LinkMessage? existing)
    {
        LinkMessage? bridge = existing;
        if (bridge is null)
        {
            try
            {
                BridgeLinkData? data = settings.UsesVlans ? new BridgeLinkData { VlanFiltering = 1 } : null;
                host.Links.CreateBridge(settings.BridgeName, data, settings.Mtu);
            }
            catch (NetlinkException e) when (e.Errno == Errno.EEXIST)
            {
                // Another ADD created it between our lookup and our request: use theirs.
            }

            bridge = host.Links.Get(settings.BridgeName);
        }

        RejectNonBridge(bridge, settings);
        int index = bridge.Index;
        bool changed = false;
        if (settings.PromiscMode && !bridge.IsPromiscuous)
        {
            host.Links.SetPromiscuous(index, true);
            changed = true;
        }

        if (settings.UsesVlans && (bridge.LinkInfo?.Data as BridgeLinkData)?.VlanFiltering != 1)
        {
            host.Links.SetBridge(index, new BridgeLinkData { VlanFiltering = 1 });
            changed = true;
        }

        if (!bridge.IsUp)
        {
            host.Links.SetUp(index);
            changed = true;
        }

        // Read the state back only when this call changed it: one round trip less on every ADD but the first.
        return changed ? host.Links.Get(index) : bridge;
    }

    /// <summary>The existing bridge, or null; fails (code 7) when a link with its name exists and is not a bridge.</summary>
    public static LinkMessage? FindExisting(Rtnetlink host, BridgeSettings settings)
    {
        LinkMessage? existing = host.Links.Find(settings.BridgeName);
        if (existing is not null)
        {
            RejectNonBridge(existing, settings);
        }

        return existing;
    }

    private static void RejectNonBridge(LinkMessage link, BridgeSettings settings)
    {
        if (link.LinkInfo?.Kind != "bridge")
        {
            throw new CniException(
                CniErrorCode.InvalidNetworkConfig,
                $"{settings.BridgeName} already exists but is not a bridge",
                $"it is a {link.LinkInfo?.Kind ?? "device without a kind"}");
        }
    }

    /// <summary>
    /// Puts the gateway address on the bridge, or on the VLAN gateway interface (<see cref="VlanGatewayPort"/>). An
    /// address of the same family in the same subnet that differs is an error unless <c>forceAddress</c>, which
    /// replaces it (as the reference plugin does).
    /// </summary>
    public static void EnsureGatewayAddress(Rtnetlink host, int linkIndex, InterfaceAddress gateway, bool force)
    {
        List<InterfaceAddress> existing = host.Addresses.ListOf(linkIndex, gateway.Family);
        foreach (InterfaceAddress address in existing)
        {
            if (address.Address.Equals(gateway.Address) && address.PrefixLength == gateway.PrefixLength)
            {
                return;
            }

            bool sameSubnet = address.PrefixLength == gateway.PrefixLength && address.Network.Contains(gateway.Address);
            if (!sameSubnet || address.Address.IsIPv6LinkLocal)
            {
                continue;
            }

            if (!force)
            {
                throw new CniException(
                    CniErrorCode.InvalidNetworkConfig,
                    $"bridge has an IP address {address} different from the gateway {gateway}",
                    "set forceAddress to replace it");
            }

            host.Addresses.Delete(linkIndex, address);
        }

        try
        {
            host.Addresses.Add(linkIndex, gateway, gateway.IsIPv6 ? AddressFlags.NoDad : AddressFlags.None);
        }
        catch (NetlinkException e) when (e.Errno == Errno.EEXIST)
        {
            // A concurrent ADD added the same gateway address.
        }
    }
}
