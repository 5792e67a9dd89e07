namespace Podnet.Bridge.Routing;

/// <summary>One line of a sync report.</summary>
internal sealed record RouteChange(RouteChangeKind Kind, string Destination, string Detail);
