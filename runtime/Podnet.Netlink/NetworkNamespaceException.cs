namespace Podnet.Netlink;

/// <summary>A network namespace could not be created, entered or found, or a path is not a network namespace.</summary>
public sealed class NetworkNamespaceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NetworkNamespaceException()
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public NetworkNamespaceException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public NetworkNamespaceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public NetworkNamespaceException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The namespace path concerned, for example <c>/run/netns/pod1</c>.</summary>
    public string Path { get; }
}
