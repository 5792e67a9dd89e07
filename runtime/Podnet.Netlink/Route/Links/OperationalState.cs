namespace Podnet.Netlink.Route;

/// <summary>RFC 2863 operational state (<c>IF_OPER_*</c>).</summary>
public enum OperationalState : byte
{
    /// <summary><c>IF_OPER_UNKNOWN</c>.</summary>
    Unknown = 0,

    /// <summary><c>IF_OPER_NOTPRESENT</c>.</summary>
    NotPresent = 1,

    /// <summary><c>IF_OPER_DOWN</c>.</summary>
    Down = 2,

    /// <summary><c>IF_OPER_LOWERLAYERDOWN</c>.</summary>
    LowerLayerDown = 3,

    /// <summary><c>IF_OPER_TESTING</c>.</summary>
    Testing = 4,

    /// <summary><c>IF_OPER_DORMANT</c>.</summary>
    Dormant = 5,

    /// <summary><c>IF_OPER_UP</c>.</summary>
    Up = 6,
}
