namespace Podnet.Testing.Cluster;

/// <summary>A step of a <see cref="SimulatedCluster"/> failed; the message says which and what the binary printed.</summary>
internal sealed class SimulatedClusterException : Exception
{
    public SimulatedClusterException(string message)
        : base(message)
    {
    }

    public SimulatedClusterException()
    {
    }

    public SimulatedClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
