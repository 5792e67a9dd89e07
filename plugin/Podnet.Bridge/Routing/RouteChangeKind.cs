namespace Podnet.Bridge.Routing;

/// <summary>What a sync did, or would do, to one pod subnet route.</summary>
internal enum RouteChangeKind
{
    Added,
    Replaced,
    Removed,
    Unchanged,
    Conflict,
}
