namespace Podnet.Netlink.Route;

/// <summary>rtnetlink message types (<c>RTM_*</c> in <c>linux/rtnetlink.h</c>).</summary>
public static class RouteMessageType
{
    /// <summary><c>RTM_NEWLINK</c>.</summary>
    public const ushort NewLink = 16;

    /// <summary><c>RTM_DELLINK</c>.</summary>
    public const ushort DeleteLink = 17;

    /// <summary><c>RTM_GETLINK</c>.</summary>
    public const ushort GetLink = 18;

    /// <summary><c>RTM_SETLINK</c>.</summary>
    public const ushort SetLink = 19;

    /// <summary><c>RTM_NEWADDR</c>.</summary>
    public const ushort NewAddress = 20;

    /// <summary><c>RTM_DELADDR</c>.</summary>
    public const ushort DeleteAddress = 21;

    /// <summary><c>RTM_GETADDR</c>.</summary>
    public const ushort GetAddress = 22;

    /// <summary><c>RTM_NEWROUTE</c>.</summary>
    public const ushort NewRoute = 24;

    /// <summary><c>RTM_DELROUTE</c>.</summary>
    public const ushort DeleteRoute = 25;

    /// <summary><c>RTM_GETROUTE</c>.</summary>
    public const ushort GetRoute = 26;

    /// <summary><c>RTM_NEWNEIGH</c>.</summary>
    public const ushort NewNeighbour = 28;

    /// <summary><c>RTM_DELNEIGH</c>.</summary>
    public const ushort DeleteNeighbour = 29;

    /// <summary><c>RTM_GETNEIGH</c>.</summary>
    public const ushort GetNeighbour = 30;
}
