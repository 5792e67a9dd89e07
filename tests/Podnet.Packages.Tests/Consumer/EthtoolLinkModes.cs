using Podnet.Netlink;
using Podnet.Netlink.Generic;

namespace FibRules;

// The generic netlink example of docs/adding-a-message.md (section 10), compiled against the packages so the guide
// cannot drift from what the generator accepts. ETHTOOL_A_HEADER_* and ETHTOOL_A_LINKMODES_* from
// linux/ethtool_netlink.h; the message type is the ethtool family id, resolved at run time.
[NetlinkAttributeSet]
public sealed partial class EthtoolHeader
{
    [NetlinkAttribute(2)] public string? DeviceName { get; set; }    // ETHTOOL_A_HEADER_DEV_NAME
}

[NetlinkAttributeSet]
public sealed partial class LinkModesMessage
{
    [NetlinkHeader] public GenericNetlinkHeader Header { get; set; }
    [NetlinkAttribute(1)] public EthtoolHeader? Device { get; set; } // ETHTOOL_A_LINKMODES_HEADER (nested)
    [NetlinkAttribute(2)] public byte? AutoNegotiation { get; set; } // ETHTOOL_A_LINKMODES_AUTONEG
    [NetlinkAttribute(5)] public uint? Speed { get; set; }           // ETHTOOL_A_LINKMODES_SPEED
    [NetlinkAttribute(6)] public byte? Duplex { get; set; }          // ETHTOOL_A_LINKMODES_DUPLEX
}

public static class EthtoolLinkModes
{
    public static LinkModesMessage Query(NetlinkSocket socket, string device)
    {
        GenericFamily ethtool = GenericNetlink.ResolveFamily(socket, "ethtool");
        return socket.RequestReply<LinkModesMessage, LinkModesMessage>(ethtool.Id, NetlinkMessageFlags.None,
            new LinkModesMessage
            {
                Header = new GenericNetlinkHeader { Command = 4, Version = 1 },  // ETHTOOL_MSG_LINKMODES_GET
                Device = new EthtoolHeader { DeviceName = device },
            });
    }
}
