namespace Podnet.Node.Routing;

/// <summary>A sync that cannot be done as described (unknown node, unreachable peer, bad cluster file).</summary>
public sealed class RouteSyncException : Exception
{
    public RouteSyncException(string message)
        : base(message)
    {
    }

    public RouteSyncException()
    {
    }

    public RouteSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
