using Podnet.Bridge.Configuration;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Attachment;

/// <summary>VLAN membership of the host veth on a VLAN-filtering bridge (<c>vlan</c>, <c>vlanTrunk</c>, <c>preserveDefaultVlan</c>).</summary>
internal static class BridgeVlans
{
    private const ushort DefaultVlan = 1;
    private const BridgeVlanFlags Access = BridgeVlanFlags.Pvid | BridgeVlanFlags.Untagged;

    public static void Configure(Rtnetlink host, int portIndex, BridgeSettings settings)
    {
        if (settings.Vlan != 0)
        {
            host.BridgeVlans.Add(portIndex, (ushort)settings.Vlan, Access);
        }

        foreach (int vid in settings.VlanTrunk)
        {
            host.BridgeVlans.Add(portIndex, (ushort)vid);
        }

        if (!settings.PreserveDefaultVlan && settings.Vlan != DefaultVlan && !settings.VlanTrunk.Contains(DefaultVlan))
        {
            host.BridgeVlans.Delete(portIndex, DefaultVlan);
        }
    }

    /// <summary>
    /// The port of the VLAN gateway (<see cref="VlanGatewayPort"/>): an untagged PVID member of the access VLAN, no
    /// trunk, and VLAN 1 removed when <c>preserveDefaultVlan</c> is false, as the reference plugin configures it.
    /// </summary>
    public static void ConfigureGatewayPort(Rtnetlink host, int portIndex, BridgeSettings settings)
    {
        host.BridgeVlans.Add(portIndex, (ushort)settings.Vlan, Access);
        if (!settings.PreserveDefaultVlan && settings.Vlan != DefaultVlan)
        {
            host.BridgeVlans.Delete(portIndex, DefaultVlan);
        }
    }
}
