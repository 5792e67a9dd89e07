using Podnet.Bridge.Attachment;
using Podnet.Bridge.Configuration;
using Podnet.Bridge.Ipam;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Firewall;

/// <summary>Per-attachment nftables state: masquerade (<c>ipMasq</c>) and MAC spoof checking (<c>macspoofchk</c>).</summary>
internal static class PodFirewall
{
    /// <summary>The owner tag stored with every rule of one attachment, so DEL and GC find exactly its rules.</summary>
    public static string OwnerTag(string network, string containerId, string interfaceName) => $"podnet:{network}:{containerId}:{interfaceName}";

    public static void Apply(BridgeSettings settings, CniRequest request, LinkMessage hostVeth, LinkMessage container, IpamOutcome ipam, RollbackStack rollback)
    {
        if (settings.IpMasq || settings.MacSpoofCheck)
        {
            throw new CniException(CniErrorCode.UnsupportedField, "ipMasq and macspoofchk are not available in this build");
        }
    }

    public static void Remove(BridgeSettings settings, CniRequest request)
    {
    }

    public static void CollectGarbage(BridgeSettings settings, IReadOnlyCollection<IpamAttachment> valid)
    {
    }
}
