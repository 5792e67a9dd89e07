using Podnet.Bridge.Configuration;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Cni.Schema;
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

        IpamResult result = Wrap(() => HostLocalIpam.Add(
            settings.NetworkName, ipam.HostLocal!, new IpamAttachment(request.ContainerId, request.InterfaceName), settings.RequestedIps));
        DnsConfiguration? dns = result.Dns is { } d
            ? new DnsConfiguration { Nameservers = [.. d.Nameservers], Domain = d.Domain, Search = [.. d.Search], Options = [.. d.Options] }
            : null;
        return new IpamOutcome(
            [.. result.Addresses.Select(a => new AssignedAddress(new InterfaceAddress(a.Address, a.PrefixLength), a.Gateway))],
            [.. result.Routes.Select(r => new Route { Dst = r.Destination, Gw = r.Gateway })],
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

        Wrap(() => HostLocalIpam.Del(settings.NetworkName, ipam.HostLocal!, new IpamAttachment(request.ContainerId, request.InterfaceName)));
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
}
