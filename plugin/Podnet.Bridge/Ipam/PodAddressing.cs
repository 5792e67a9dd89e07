using Podnet.Bridge.Configuration;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Ipam;

/// <summary>
/// IPAM for one attachment: host-local in process (same store and format as the reference binary, no fork+exec),
/// or any other <c>ipam.type</c> delegated to that plugin's binary in <c>CNI_PATH</c>.
/// </summary>
internal static class PodAddressing
{
    public static IpamOutcome Allocate(CniRequest request, BridgeSettings settings)
    {
        IpamSettings ipam = settings.Ipam;
        if (ipam.IsNone)
        {
            return IpamOutcome.None;
        }

        if (ipam.IsDelegated)
        {
            return DelegatedIpam.Add(request, ipam.Type!);
        }

        IpamConfig config = ipam.HostLocal!;
        IReadOnlyList<IpRangeSet> rangeSets = Wrap(config.CreateRangeSets);
        RejectUnreachableRequests(settings.RequestedIps, rangeSets);
        using IpamStore store = Wrap(() => IpamStore.Open(settings.NetworkName, config.DataDirectory));
        IReadOnlyList<IpamAddress> addresses = Wrap(() => store.Allocate(
            new IpamAttachment(request.ContainerId, request.InterfaceName), rangeSets, settings.RequestedIps));
        CniDns dns = config.ResolvConf is { } path ? ReadResolvConf(path) : new CniDns();
        var routes = (config.Routes ?? [])
            .Select(r => new CniRoute(r.Destination.Address, r.Destination.PrefixLength, r.Gateway))
            .ToList();
        return new IpamOutcome(
            [.. addresses.Select(a => new AssignedAddress(new InterfaceAddress(a.Address, a.PrefixLength), a.Gateway))],
            routes,
            dns);
    }

    /// <summary>Releases every address of the attachment; succeeds when there is none.</summary>
    public static void Release(CniRequest request, BridgeSettings settings)
    {
        IpamSettings ipam = settings.Ipam;
        if (ipam.IsNone)
        {
            return;
        }

        if (ipam.IsDelegated)
        {
            DelegatedIpam.Delete(request, ipam.Type!);
            return;
        }

        using IpamStore store = Wrap(() => IpamStore.Open(settings.NetworkName, ipam.HostLocal!.DataDirectory));
        Wrap(() => store.Release(new IpamAttachment(request.ContainerId, request.InterfaceName)));
    }

    /// <summary>
    /// A requested IP outside every range set can never be allocated. The store would find out only after walking the
    /// range sets (and moving their <c>last_reserved_ip</c> positions, as host-local does); reject it before.
    /// </summary>
    private static void RejectUnreachableRequests(IReadOnlyList<System.Net.IPAddress> requested, IReadOnlyList<IpRangeSet> rangeSets)
    {
        var outside = requested.Where(ip => !rangeSets.Any(set => set.Contains(ip))).ToList();
        if (outside.Count > 0)
        {
            throw new CniException(IpamErrorCode.RequestedAddressUnavailable, "failed to allocate all requested IPs: " + string.Join(" ", outside));
        }
    }

    /// <summary>Maps IPAM failures to CNI errors with their codes.</summary>
    public static T Wrap<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (IpamException e)
        {
            throw new CniException(e.CniErrorCode, e.Message, e.InnerException?.Message, e);
        }
    }

    private static CniDns ReadResolvConf(string path)
    {
        try
        {
            return ResolvConf.Read(path);
        }
        catch (IOException e)
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, $"cannot read resolvConf {path}: {e.Message}");
        }
    }
}
