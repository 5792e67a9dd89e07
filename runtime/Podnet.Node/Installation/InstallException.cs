namespace Podnet.Node.Installation;

/// <summary>An installation that cannot proceed; printed to stderr, exit code 1.</summary>
public sealed class InstallException : Exception
{
    public InstallException(string message)
        : base(message)
    {
    }

    public InstallException()
    {
    }

    public InstallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
