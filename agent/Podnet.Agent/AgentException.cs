namespace Podnet.Agent;

/// <summary>A failure the agent cannot work around (bad configuration, an exhausted network): logged, exit code 1.</summary>
public sealed class AgentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AgentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AgentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
