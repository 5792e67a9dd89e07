namespace Podnet.Node.Routing;

/// <summary>One line of a sync report.</summary>
public sealed record RouteChange(RouteChangeKind Kind, string Destination, string Detail);
