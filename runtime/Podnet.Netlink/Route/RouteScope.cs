namespace Podnet.Netlink.Route;

/// <summary>Route and address scope (<c>RT_SCOPE_*</c>).</summary>
public enum RouteScope : byte
{
    /// <summary><c>RT_SCOPE_UNIVERSE</c>.</summary>
    Universe = 0,

    /// <summary><c>RT_SCOPE_SITE</c>.</summary>
    Site = 200,

    /// <summary><c>RT_SCOPE_LINK</c>.</summary>
    Link = 253,

    /// <summary><c>RT_SCOPE_HOST</c>.</summary>
    Host = 254,

    /// <summary><c>RT_SCOPE_NOWHERE</c>.</summary>
    Nowhere = 255,
}
