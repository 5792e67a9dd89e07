using System.Net;
using Podnet.Bridge.Configuration;
using Podnet.Bridge.Ipam;
using Podnet.Cni;
using Podnet.Cni.Schema;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Attachment;

/// <summary>
/// CHECK: compares the bridge, the veth pair, the container's addresses and routes and the IPAM reservation with
/// <c>prevResult</c>, and names the first difference precisely.
/// </summary>
internal sealed class AttachmentChecker(CniRequest request, BridgeSettings settings)
{
    public void Check()
    {
        if (settings.PreviousResult is not { } raw)
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, "required prevResult missing", "CHECK needs the ADD result as prevResult");
        }

        SuccessResult previous = PreviousResult.Parse(raw.Span);
        List<ResultInterface> interfaces = previous.Interfaces ?? [];
        ResultInterface containerEntry = interfaces.FirstOrDefault(i => i.Name == request.InterfaceName && i.Sandbox is not null)
            ?? throw Failed($"prevResult has no interface {request.InterfaceName} with a sandbox");
        int containerPosition = interfaces.IndexOf(containerEntry);

        using Rtnetlink host = Rtnetlink.Open();
        using Podnet.Netlink.NetworkNamespace podNamespace = PodNamespace.Open(request.Netns);
        using Rtnetlink pod = Rtnetlink.OpenIn(podNamespace);

        LinkMessage bridge = host.Links.Find(settings.BridgeName)
            ?? throw Failed($"bridge {settings.BridgeName} does not exist");
        if (bridge.LinkInfo?.Kind != "bridge")
        {
            throw Failed($"{settings.BridgeName} is not a bridge (kind {bridge.LinkInfo?.Kind ?? "none"})");
        }

        LinkMessage container = pod.Links.Find(request.InterfaceName)
            ?? throw Failed($"interface {request.InterfaceName} not found in {request.Netns}");
        if (container.LinkInfo?.Kind != "veth")
        {
            throw Failed($"container interface {request.InterfaceName} is a {container.LinkInfo?.Kind ?? "device"}, not a veth");
        }

        if (containerEntry.Mac is { } mac && !string.Equals(container.Address?.ToString(), mac, StringComparison.OrdinalIgnoreCase))
        {
            throw Failed($"interface {request.InterfaceName} has MAC {container.Address}, prevResult says {mac}");
        }

        CheckHostVeth(host, previous, bridge, container);
        CheckAddresses(pod, previous, container, containerPosition);
        if (!settings.DisableContainerInterface)
        {
            // A container interface left down has no routes (the kernel drops them with the link).
            CheckRoutes(pod, previous);
        }

        CheckReservation(previous, containerPosition);
    }

    private void CheckHostVeth(Rtnetlink host, SuccessResult previous, LinkMessage bridge, LinkMessage container)
    {
        ResultInterface? hostEntry = (previous.Interfaces ?? []).FirstOrDefault(i => i.Sandbox is null && i.Name != settings.BridgeName);
        if (hostEntry is null)
        {
            throw Failed("prevResult has no host-side veth interface");
        }

        LinkMessage veth = host.Links.Find(hostEntry.Name) ?? throw Failed($"host veth {hostEntry.Name} does not exist");
        if (veth.Master != bridge.Index)
        {
            throw Failed($"host veth {hostEntry.Name} is not a port of {settings.BridgeName}");
        }

        if (container.Link is { } peer && peer != veth.Index)
        {
            throw Failed($"host veth {hostEntry.Name} (index {veth.Index}) is not the peer of {request.InterfaceName} (peer index {peer})");
        }

        if (!veth.IsUp)
        {
            throw Failed($"host veth {hostEntry.Name} is down");
        }
    }

    private void CheckAddresses(Rtnetlink pod, SuccessResult previous, LinkMessage container, int containerPosition)
    {
        List<InterfaceAddress> present = pod.Addresses.ListOf(container.Index);
        foreach (IpConfiguration ip in ContainerIps(previous, containerPosition))
        {
            if (!present.Any(a => a.Address.Equals(ip.Address.Address) && a.PrefixLength == ip.Address.PrefixLength))
            {
                throw Failed($"address {ip.Address} is missing from {request.InterfaceName}");
            }
        }
    }

    private void CheckRoutes(Rtnetlink pod, SuccessResult previous)
    {
        foreach (Route route in previous.Routes ?? [])
        {
            RouteAddressFamily family = route.Dst.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? RouteAddressFamily.Inet6
                : RouteAddressFamily.Inet;
            bool found = pod.Routes.List(family).Any(r =>
                r.DestinationLength == route.Dst.PrefixLength &&
                (r.Destination ?? (family == RouteAddressFamily.Inet6 ? IPAddress.IPv6Any : IPAddress.Any)).Equals(route.Dst.Address) &&
                (route.Gw is null || route.Gw.Equals(r.Gateway)));
            if (!found)
            {
                throw Failed($"route {route.Dst}{(route.Gw is null ? "" : $" via {route.Gw}")} is missing in the container");
            }
        }
    }

    private void CheckReservation(SuccessResult previous, int containerPosition)
    {
        if (settings.Ipam.IsNone)
        {
            return;
        }

        if (settings.Ipam.IsDelegated)
        {
            DelegatedIpam.Check(request, settings.Ipam.Type!);
            return;
        }

        using Podnet.Cni.Ipam.IpamStore store = PodAddressing.Wrap(() => Podnet.Cni.Ipam.IpamStore.Open(settings.NetworkName, settings.Ipam.HostLocal!.DataDirectory));
        IReadOnlyList<IPAddress> reserved = PodAddressing.Wrap(() => store.FindAddresses(new Podnet.Cni.Ipam.IpamAttachment(request.ContainerId, request.InterfaceName)));
        foreach (IpConfiguration ip in ContainerIps(previous, containerPosition))
        {
            if (!reserved.Contains(ip.Address.Address))
            {
                throw Failed($"address {ip.Address.Address} is not reserved for {request.ContainerId}/{request.InterfaceName} in the IPAM store");
            }
        }
    }

    private static IEnumerable<IpConfiguration> ContainerIps(SuccessResult previous, int containerPosition) =>
        (previous.Ips ?? []).Where(i => i.Interface is null || i.Interface == containerPosition);

    private static CniException Failed(string message) => new(CniErrorCode.CheckFailed, message);
}
