using Podnet.Bridge.Attachment;
using Podnet.Bridge.Cli;
using Podnet.Bridge.Configuration;
using Podnet.Bridge.Firewall;
using Podnet.Bridge.Ipam;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge;

/// <summary>The podnet CNI plugin: a bridge plugin with in-process host-local IPAM.</summary>
internal sealed class BridgePlugin : ICniPlugin
{
    public string About => PodnetVersion.About;

    public ICniResult Add(CniRequest request)
    {
        BridgeSettings settings = BridgeSettingsParser.Parse(request);
        if (NotReadyReason(settings) is { } reason)
        {
            throw new CniException(CniErrorCode.TryAgainLater, "this node is not ready for pods", reason);
        }

        return new PodAttacher(request, settings).Attach();
    }

    public void Delete(CniRequest request)
    {
        BridgeSettings settings = BridgeSettingsParser.Parse(request);
        new PodDetacher(request, settings).Detach();
    }

    public void Check(CniRequest request)
    {
        BridgeSettings settings = BridgeSettingsParser.Parse(request);
        new AttachmentChecker(request, settings).Check();
    }

    public void Status(CniRequest request)
    {
        BridgeSettings settings = BridgeSettingsParser.Parse(request);
        if (NotReadyReason(settings) is { } reason)
        {
            throw new CniException(CniErrorCode.PluginNotAvailable, "this node is not ready for pods", reason);
        }

        using (Rtnetlink host = Rtnetlink.Open())
        {
            LinkMessage? bridge = host.Links.Find(settings.BridgeName);
            if (bridge is not null && bridge.LinkInfo?.Kind != "bridge")
            {
                throw new CniException(CniErrorCode.PluginNotAvailable, $"{settings.BridgeName} exists but is not a bridge; ADD cannot create it");
            }
        }

        if (settings.Ipam.HostLocal is { } config)
        {
            PodAddressing.Wrap(() =>
            {
                HostLocalIpam.Status(settings.NetworkName, config);
                return 0;
            });
        }
        else if (settings.Ipam.IsDelegated)
        {
            DelegatedIpam.Status(request, settings.Ipam.Type!);
        }
    }

    public void GarbageCollect(CniRequest request)
    {
        BridgeSettings settings = BridgeSettingsParser.Parse(request);
        IReadOnlyCollection<IpamAttachment> valid = settings.ValidAttachments;
        if (settings.Ipam.HostLocal is { } config)
        {
            PodAddressing.Wrap(() => HostLocalIpam.Gc(settings.NetworkName, config, valid));
        }
        else if (settings.Ipam.IsDelegated)
        {
            DelegatedIpam.GarbageCollect(request, settings.Ipam.Type!);
        }

        PodFirewall.CollectGarbage(settings, valid);
    }

    /// <summary>Why the node agent's subnet file says the node is not set up (only when the configuration names one).</summary>
    private static string? NotReadyReason(BridgeSettings settings)
    {
        if (settings.SubnetFile is not { } path)
        {
            return null;
        }

        IEnumerable<System.Net.IPNetwork> subnets = settings.Ipam.HostLocal?.Ranges
            .SelectMany(set => set)
            .Select(range => new System.Net.IPNetwork(range.Subnet.NetworkAddress, range.Subnet.PrefixLength)) ?? [];
        return Podnet.Node.Installation.SubnetFile.NotReadyReason(path, subnets);
    }
}
