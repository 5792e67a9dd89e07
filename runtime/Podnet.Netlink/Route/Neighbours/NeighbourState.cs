namespace Podnet.Netlink.Route;

/// <summary>Neighbour cache entry states (<c>NUD_*</c> in <c>linux/neighbour.h</c>).</summary>
[Flags]
public enum NeighbourState : ushort
{
    /// <summary>No state.</summary>
    None = 0,

    /// <summary><c>NUD_INCOMPLETE</c>: resolution in progress.</summary>
    Incomplete = 0x01,

    /// <summary><c>NUD_REACHABLE</c>.</summary>
    Reachable = 0x02,

    /// <summary><c>NUD_STALE</c>.</summary>
    Stale = 0x04,

    /// <summary><c>NUD_DELAY</c>.</summary>
    Delay = 0x08,

    /// <summary><c>NUD_PROBE</c>.</summary>
    Probe = 0x10,

    /// <summary><c>NUD_FAILED</c>.</summary>
    Failed = 0x20,

    /// <summary><c>NUD_NOARP</c>: no resolution needed.</summary>
    NoArp = 0x40,

    /// <summary><c>NUD_PERMANENT</c>: a static entry that never expires.</summary>
    Permanent = 0x80,
}
