using System.Net;
using Podnet.Bridge.Configuration;
using Podnet.Bridge.Firewall;
using Podnet.Bridge.Ipam;
using Podnet.Cni;
using Podnet.Cni.Schema;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Attachment;

/// <summary>
/// ADD: allocate addresses, make sure the bridge exists, create the veth pair with the container end born inside
/// the pod's namespace, configure both ends, and build the result. Any failure unwinds every change made so far.
/// </summary>
internal sealed class PodAttacher(CniRequest request, BridgeSettings settings)
{
    private static readonly TimeSpan LinkUpTimeout = TimeSpan.FromSeconds(10);

    public SuccessResult Attach()
    {
        // The pod's namespace is opened once here and handed to every step that works inside it.
        using NetworkNamespace podNamespace = PodNamespace.Open(request.Netns);
        using Rtnetlink host = Rtnetlink.Open();
        using Rtnetlink pod = Rtnetlink.OpenIn(podNamespace);
        var rollback = new RollbackStack();
        try
        {
            if (pod.Links.Find(request.InterfaceName) is not null)
            {
                throw new CniException(
                    CniErrorCode.InterfaceExists,
                    $"container veth name provided ({request.InterfaceName}) already exists",
                    $"an interface named {request.InterfaceName} exists in {request.Netns}");
            }

            // A name taken by another kind of link fails the ADD anyway: find out before the IPAM store changes.
            LinkMessage? existingBridge = BridgeDevice.FindExisting(host, settings);
            IpamOutcome ipam = PodAddressing.Allocate(request, settings);
            rollback.Push("IP allocation", () => PodAddressing.Release(request, settings));

            LinkMessage bridge = BridgeDevice.Ensure(host, settings, existingBridge);
            (LinkMessage hostVeth, LinkMessage container) = CreateVeth(host, pod, rollback);
            using LinkWatcher watcher = host.WatchLinks();
            ConfigureHostPort(host, bridge, hostVeth);
            host.Links.SetUp(hostVeth.Index);
            List<Route> routes = ConfigureContainer(pod, container, ipam);
            LinkMessage hostUp = settings.DisableContainerInterface
                ? watcher.WaitFor(hostVeth.Index, l => l.IsUp, LinkUpTimeout)
                : watcher.WaitUntilUp(hostVeth.Index, LinkUpTimeout);

            LinkMessage? vlanGateway = settings.IsGateway ? ConfigureGateway(host, bridge, ipam, rollback) : null;

            PodFirewall.Apply(settings, request, hostUp, container, ipam, rollback);

            // The bridge's MAC can change as ports join, so read it now; the container's was fixed at creation.
            SuccessResult result = BuildResult(host.Links.Get(bridge.Index), hostUp, container, vlanGateway, ipam, routes);
            rollback.Commit();
            return result;
        }
        catch (NetlinkException e)
        {
            rollback.Unwind(Console.Error);
            throw new CniException(CniErrorCode.KernelError, e.Message, e.ExtendedAckMessage, e);
        }
        catch (TimeoutException e)
        {
            rollback.Unwind(Console.Error);
            throw new CniException(CniErrorCode.TryAgainLater, e.Message);
        }
        catch
        {
            rollback.Unwind(Console.Error);
            throw;
        }
    }

    private (LinkMessage Host, LinkMessage Container) CreateVeth(Rtnetlink host, Rtnetlink pod, RollbackStack rollback)
    {
        for (int attempt = 0; ; attempt++)
        {
            string hostName = HostVethName.Next();
            try
            {
                host.Links.CreateVethPair(new VethPair(hostName, request.InterfaceName)
                {
                    PeerNamespace = pod.Namespace,
                    Mtu = settings.Mtu,
                    PeerAddress = settings.ContainerMac,
                });
            }
            catch (NetlinkException e) when (e.Errno == Errno.EEXIST && attempt < 3 && host.Links.Find(hostName) is not null)
            {
                // Random host name collided with an existing link: draw another one.
                continue;
            }
            catch (NetlinkException e) when (e.Errno == Errno.EEXIST)
            {
                throw new CniException(
                    CniErrorCode.InterfaceExists,
                    $"container veth name provided ({request.InterfaceName}) already exists",
                    e.Message,
                    e);
            }

            // Deleting either end removes both; the host end is the one we can always reach.
            rollback.Push($"veth {hostName}", () => host.Links.DeleteIfExists(hostName));
            return (host.Links.Get(hostName), pod.Links.Get(request.InterfaceName));
        }
    }

    private void ConfigureHostPort(Rtnetlink host, LinkMessage bridge, LinkMessage hostVeth)
    {
        int index = hostVeth.Index;
        host.Links.SetMaster(index, bridge.Index);
        if (settings.HairpinMode || settings.PortIsolation)
        {
            host.Links.SetBridgePort(
                index,
                hairpin: settings.HairpinMode ? true : null,
                isolated: settings.PortIsolation ? true : null);
        }

        if (settings.UsesVlans)
        {
            BridgeVlans.Configure(host, index, settings);
        }
    }

    private List<Route> ConfigureContainer(Rtnetlink pod, LinkMessage container, IpamOutcome ipam)
    {
        int index = container.Index;
        bool hasIPv6 = ipam.Addresses.Any(a => a.Address.IsIPv6);
        if (hasIPv6 && !settings.EnableDad)
        {
            string key = Sysctl.InterfaceKey("ipv6", request.InterfaceName, "accept_dad");
            pod.Namespace!.Run(() => Sysctl.TryWrite(key, "0"));
        }

        foreach (AssignedAddress assigned in ipam.Addresses)
        {
            AddressFlags flags = assigned.Address.IsIPv6 && !settings.EnableDad ? AddressFlags.NoDad : AddressFlags.None;
            pod.Addresses.Add(index, assigned.Address, flags);
        }

        var routes = new List<Route>(ipam.Routes);
        if (settings.IsDefaultGateway)
        {
            foreach (AssignedAddress assigned in ipam.Addresses.Where(a => a.Gateway is not null))
            {
                IPAddress any = assigned.Address.IsIPv6 ? IPAddress.IPv6Any : IPAddress.Any;
                if (!routes.Any(r => r.Dst.Address.Equals(any) && r.Dst.PrefixLength == 0))
                {
                    routes.Add(new Route { Dst = new IpCidr(any, 0), Gw = assigned.Gateway });
                }
            }
        }

        if (!settings.DisableContainerInterface)
        {
            pod.Links.SetUp(index);
            foreach (Route route in routes)
            {
                IPAddress? gateway = route.Gw ?? ipam.Addresses
                    .FirstOrDefault(a => a.Address.Address.AddressFamily == route.Dst.Address.AddressFamily)?.Gateway;
                pod.Routes.Add(new RouteSpec(new IPNetwork(InterfaceAddress.Mask(route.Dst.Address, route.Dst.PrefixLength), route.Dst.PrefixLength))
                {
                    Gateway = gateway,
                    OutputInterface = index,
                    Mtu = route.Mtu,
                    Metric = route.Priority,
                });
            }
        }

        return routes;
    }

    /// <summary>
    /// Puts the gateway addresses on the bridge, or with <c>vlan</c> on the VLAN gateway interface (created if need be),
    /// and returns that interface for the result, or null.
    /// </summary>
    private LinkMessage? ConfigureGateway(Rtnetlink host, LinkMessage bridge, IpamOutcome ipam, RollbackStack rollback)
    {
        bool v4 = false, v6 = false;
        LinkMessage? vlanGateway = settings.VlanGatewayName is not null && ipam.Addresses.Any(a => a.Gateway is not null)
            ? VlanGatewayPort.Ensure(host, bridge, settings, rollback)
            : null;
        int index = (vlanGateway ?? bridge).Index;
        foreach (AssignedAddress assigned in ipam.Addresses.Where(a => a.Gateway is not null))
        {
            var gateway = new InterfaceAddress(assigned.Gateway!, assigned.Address.PrefixLength);
            BridgeDevice.EnsureGatewayAddress(host, index, gateway, settings.ForceAddress);
            v4 |= !gateway.IsIPv6;
            v6 |= gateway.IsIPv6;
        }

        if (v4)
        {
            Sysctl.Write("net.ipv4.ip_forward", "1");
        }

        if (v6)
        {
            Sysctl.TryWrite("net.ipv6.conf.all.forwarding", "1");
        }

        return vlanGateway;
    }

    /// <summary>The ADD result on the generated type; <see cref="SuccessResult.ForVersion"/> shapes it for the caller's version.</summary>
    private SuccessResult BuildResult(LinkMessage bridge, LinkMessage hostVeth, LinkMessage container, LinkMessage? vlanGateway, IpamOutcome ipam, List<Route> routes)
    {
        List<ResultInterface> interfaces =
        [
            new() { Name = bridge.Name!, Mac = bridge.Address?.ToString() },
            new() { Name = hostVeth.Name!, Mac = hostVeth.Address?.ToString() },
            new() { Name = container.Name!, Mac = container.Address?.ToString(), Sandbox = request.Netns },
        ];
        if (vlanGateway is not null)
        {
            // After the container interface, as the reference plugin lists it; "ips" keep pointing at index 2.
            interfaces.Add(new() { Name = vlanGateway.Name!, Mac = vlanGateway.Address?.ToString() });
        }

        return new SuccessResult
        {
            Interfaces = interfaces,
            Ips = [.. ipam.Addresses.Select(assigned => new IpConfiguration
            {
                Address = new IpCidr(assigned.Address.Address, assigned.Address.PrefixLength),
                Gateway = assigned.Gateway,
                Interface = 2,
            })],
            Routes = routes,
            Dns = BridgeSettings.IsEmpty(settings.Dns) ? ipam.Dns : settings.Dns,
        };
    }
}
