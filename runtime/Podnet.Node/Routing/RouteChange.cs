namespace Podnet.Node.Routing;

/// <summary>One line of a sync report.</summary>
public sealed record RouteChange(RouteChangeKind Kind, string Destination, string Detail);

/// <summary>What a sync did, or would do, to one pod subnet route.</summary>
public enum RouteChangeKind
{
    /// <summary>The route was missing and was added.</summary>
    Added,

    /// <summary>Podnet's route pointed elsewhere and was replaced.</summary>
    Replaced,

    /// <summary>Podnet's route of a subnet no node has any more was removed.</summary>
    Removed,

    /// <summary>The route was already right.</summary>
    Unchanged,

    /// <summary>A route that is not podnet's holds the destination; it was left alone.</summary>
    Conflict,

    /// <summary>The peer cannot be routed to (not on-link, or no address of the family); its route was left as it was.</summary>
    Refused,
}
