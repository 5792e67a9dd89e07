using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Tests.EndToEnd.Harness;

/// <summary>Optional kernel features some options need, probed once in a throwaway namespace.</summary>
public static class KernelFeatures
{
    private static readonly Lazy<bool> s_bridgeVlanFiltering = new(ProbeBridgeVlanFiltering);

    /// <summary>Whether bridges can filter VLANs (CONFIG_BRIDGE_VLAN_FILTERING).</summary>
    public static bool BridgeVlanFiltering => s_bridgeVlanFiltering.Value;

    private static bool ProbeBridgeVlanFiltering()
    {
        using Podnet.Netlink.Testing.TestNamespace ns = Podnet.Netlink.Testing.TestNamespace.Create("probe");
        using Rtnetlink rt = Rtnetlink.OpenIn(ns.Path);
        try
        {
            rt.Links.CreateBridge("probe0", new BridgeLinkData { VlanFiltering = 1 });
            return true;
        }
        catch (NetlinkException e) when (e.Errno == Errno.EOPNOTSUPP)
        {
            return false;
        }
    }
}
