namespace Podnet.Netlink.Route;

/// <summary>Device flags (<c>IFF_*</c> in <c>linux/if.h</c>).</summary>
[Flags]
public enum InterfaceFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary><c>IFF_UP</c>: administratively up.</summary>
    Up = 0x1,

    /// <summary><c>IFF_BROADCAST</c>.</summary>
    Broadcast = 0x2,

    /// <summary><c>IFF_LOOPBACK</c>.</summary>
    Loopback = 0x8,

    /// <summary><c>IFF_POINTOPOINT</c>.</summary>
    PointToPoint = 0x10,

    /// <summary><c>IFF_RUNNING</c>: operationally up.</summary>
    Running = 0x40,

    /// <summary><c>IFF_NOARP</c>.</summary>
    NoArp = 0x80,

    /// <summary><c>IFF_PROMISC</c>.</summary>
    Promiscuous = 0x100,

    /// <summary><c>IFF_MULTICAST</c>.</summary>
    Multicast = 0x1000,

    /// <summary><c>IFF_LOWER_UP</c>: carrier.</summary>
    LowerUp = 0x10000,
}
