namespace Podnet.Node.Routing;

/// <summary>The outcome of one reconciliation.</summary>
public sealed class SyncReport
{
    public List<RouteChange> Changes { get; } = [];

    public int Count(RouteChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <summary>Whether the sync changed any route.</summary>
    public bool ChangedAnything => Changes.Any(c => c.Kind is RouteChangeKind.Added or RouteChangeKind.Replaced or RouteChangeKind.Removed);

    public bool HasConflicts => Count(RouteChangeKind.Conflict) > 0;

    /// <summary>Whether some peer could not be routed to.</summary>
    public bool HasRefusals => Count(RouteChangeKind.Refused) > 0;

    private static string Label(RouteChangeKind kind) => kind switch
    {
        RouteChangeKind.Added => "added",
        RouteChangeKind.Replaced => "replaced",
        RouteChangeKind.Removed => "removed",
        RouteChangeKind.Unchanged => "unchanged",
        RouteChangeKind.Refused => "refused",
        _ => "conflict",
    };

    public void WriteTo(TextWriter writer)
    {
        foreach (RouteChange change in Changes.Where(c => c.Kind != RouteChangeKind.Unchanged))
        {
            writer.WriteLine($"{Label(change.Kind),-9} {change.Destination} {change.Detail}");
        }

        writer.WriteLine(ChangedAnything
            ? $"routes: {Count(RouteChangeKind.Added)} added, {Count(RouteChangeKind.Replaced)} replaced, {Count(RouteChangeKind.Removed)} removed, {Count(RouteChangeKind.Unchanged)} unchanged"
            : $"routes: no changes ({Count(RouteChangeKind.Unchanged)} in place)");
    }
}
