namespace Podnet.Demo;

/// <summary>A step of the demo failed; the message says which and what the plugin printed.</summary>
internal sealed class DemoFailedException : Exception
{
    public DemoFailedException(string message)
        : base(message)
    {
    }

    public DemoFailedException()
    {
    }

    public DemoFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
