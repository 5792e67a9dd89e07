using System.Net;
using System.Runtime.CompilerServices;
using Podnet.Netlink.Route;

namespace Podnet.Netlink.Tests.Golden;

/// <summary>
/// The requests the rtnetlink API builds, byte for byte against what iproute2 sends for the same command
/// (captured by <c>capture.sh</c>; the command is the comment line of each <c>.hex</c> file). Differences that are
/// deliberate are patched explicitly, never masked wholesale: only <c>NLA_F_NESTED</c>, which iproute2 omits.
/// </summary>
public sealed class RequestGoldenTests
{
    // Byte offsets inside the whole message: nlmsghdr (16) + ifinfomsg (16) = 32, then the attributes.
    private const int FirstAttribute = 32;

    private static readonly int V0Index = ReadCapturedIndex();

    [Fact]
    public void Link_add_bridge_matches_ip_link_add_type_bridge()
    {
        NetlinkCapture golden = NetlinkCapture.Load("link-add-bridge");

        byte[] ours = RequestRecorder.Record(rt => rt.Links.CreateBridge("br0"));

        // Not byte-identical: IFLA_INFO_KIND with NUL and NLA_F_NESTED (see LinkInfoKindCanonicalizer). Ours is
        // already canonical; iproute2's bytes are rewritten for exactly those two points and must then match.
        Assert.Equal(Convert.ToHexString(LinkInfoKindCanonicalizer.Canonicalize(ours)), Convert.ToHexString(ours));
        Assert.Equal(Convert.ToHexString(LinkInfoKindCanonicalizer.Canonicalize(golden.Datagram)), Convert.ToHexString(ours));
    }

    [Fact]
    public void Veth_pair_add_matches_ip_link_add_type_veth_peer_name()
    {
        NetlinkCapture golden = NetlinkCapture.Load("link-add-veth");

        byte[] ours = RequestRecorder.Record(rt => rt.Links.CreateVethPair(new VethPair("v0", "v1")));

        // As for the bridge: the kind string's NUL and NLA_F_NESTED (on IFLA_LINKINFO, IFLA_INFO_DATA, VETH_INFO_PEER).
        Assert.Equal(Convert.ToHexString(LinkInfoKindCanonicalizer.Canonicalize(ours)), Convert.ToHexString(ours));
        Assert.Equal(Convert.ToHexString(LinkInfoKindCanonicalizer.Canonicalize(golden.Datagram)), Convert.ToHexString(ours));
    }

    [Fact]
    public void Link_set_up_matches_ip_link_set_dev_up()
    {
        NetlinkCapture golden = NetlinkCapture.Load("link-set-up");

        byte[] ours = RequestRecorder.Record(rt => rt.Links.SetUp(V0Index));

        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }

    [Fact]
    public void Ipv4_address_add_matches_ip_addr_add_with_broadcast()
    {
        NetlinkCapture golden = NetlinkCapture.Load("addr-add-ipv4");

        byte[] ours = RequestRecorder.Record(rt => rt.Addresses.Add(V0Index, InterfaceAddress.Parse("10.244.1.5/24")));

        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }

    [Fact]
    public void Ipv6_address_add_matches_ip_addr_add()
    {
        NetlinkCapture golden = NetlinkCapture.Load("addr-add-ipv6");

        byte[] ours = RequestRecorder.Record(rt => rt.Addresses.Add(V0Index, InterfaceAddress.Parse("fd00::5/64")));

        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }

    [Fact]
    public void Route_add_via_gateway_matches_ip_route_add_via()
    {
        NetlinkCapture golden = NetlinkCapture.Load("route-add-gateway");

        byte[] ours = RequestRecorder.Record(rt => rt.Routes.Add(
            new RouteSpec(IPNetwork.Parse("10.245.0.0/16")) { Gateway = IPAddress.Parse("10.244.1.1") }));

        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }

    [Fact]
    public void Bridge_vlan_add_matches_bridge_vlan_add_pvid_untagged()
    {
        NetlinkCapture golden = NetlinkCapture.Load("bridge-vlan-add");

        byte[] ours = RequestRecorder.Record(rt =>
            rt.BridgeVlans.Add(V0Index, 100, BridgeVlanFlags.Pvid | BridgeVlanFlags.Untagged));

        NetlinkCapture.ClearNestedFlag(ours, FirstAttribute); // IFLA_AF_SPEC
        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }

    [Fact]
    public void Bridge_vlan_delete_matches_bridge_vlan_del()
    {
        NetlinkCapture golden = NetlinkCapture.Load("bridge-vlan-del");

        byte[] ours = RequestRecorder.Record(rt => rt.BridgeVlans.Delete(V0Index, 100));

        NetlinkCapture.ClearNestedFlag(ours, FirstAttribute); // IFLA_AF_SPEC
        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }

    [Fact]
    public void Permanent_neighbour_matches_ip_neigh_replace_nud_permanent()
    {
        NetlinkCapture golden = NetlinkCapture.Load("neigh-replace-permanent");

        byte[] ours = RequestRecorder.Record(rt =>
            rt.Neighbours.AddPermanent(V0Index, IPAddress.Parse("10.244.1.9"), MacAddress.Parse("02:00:00:00:00:09")));

        Assert.Equal(Convert.ToHexString(golden.Datagram), Convert.ToHexString(ours));
    }

    private static int ReadCapturedIndex([CallerFilePath] string callerPath = "")
    {
        string line = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(callerPath)!, "ifindex.txt")).Single();
        return int.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
