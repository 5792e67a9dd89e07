using System.Globalization;

namespace Podnet.Netlink;

/// <summary>Names message types for error messages (<c>RTM_NEWLINK</c> rather than 16).</summary>
internal static class NetlinkMessageTypeName
{
    /// <summary>The symbolic name of <paramref name="type"/> on <paramref name="protocol"/>.</summary>
    public static string Get(NetlinkProtocol protocol, ushort type) => type switch
    {
        NetlinkMessageType.Noop => "NLMSG_NOOP",
        NetlinkMessageType.Error => "NLMSG_ERROR",
        NetlinkMessageType.Done => "NLMSG_DONE",
        NetlinkMessageType.Overrun => "NLMSG_OVERRUN",
        _ when protocol == NetlinkProtocol.Route => GetRoute(type),
        _ => Unknown(type),
    };

    private static string GetRoute(ushort type) => type switch
    {
            16 => "RTM_NEWLINK",
            17 => "RTM_DELLINK",
            18 => "RTM_GETLINK",
            19 => "RTM_SETLINK",
            20 => "RTM_NEWADDR",
            21 => "RTM_DELADDR",
            22 => "RTM_GETADDR",
            24 => "RTM_NEWROUTE",
            25 => "RTM_DELROUTE",
            26 => "RTM_GETROUTE",
            28 => "RTM_NEWNEIGH",
            29 => "RTM_DELNEIGH",
            30 => "RTM_GETNEIGH",
            32 => "RTM_NEWRULE",
            33 => "RTM_DELRULE",
            34 => "RTM_GETRULE",
            36 => "RTM_NEWQDISC",
            37 => "RTM_DELQDISC",
            38 => "RTM_GETQDISC",
            40 => "RTM_NEWTCLASS",
            41 => "RTM_DELTCLASS",
            42 => "RTM_GETTCLASS",
            44 => "RTM_NEWTFILTER",
            45 => "RTM_DELTFILTER",
            46 => "RTM_GETTFILTER",
            80 => "RTM_NEWNETCONF",
            81 => "RTM_DELNETCONF",
            82 => "RTM_GETNETCONF",
            88 => "RTM_NEWNSID",
            89 => "RTM_DELNSID",
            90 => "RTM_GETNSID",
            104 => "RTM_NEWNEXTHOP",
            105 => "RTM_DELNEXTHOP",
            106 => "RTM_GETNEXTHOP",
            108 => "RTM_NEWLINKPROP",
            109 => "RTM_DELLINKPROP",
        _ => Unknown(type),
    };

    private static string Unknown(ushort type) => "message type " + type.ToString(CultureInfo.InvariantCulture);
}
