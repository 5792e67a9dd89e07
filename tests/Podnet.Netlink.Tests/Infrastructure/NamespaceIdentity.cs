namespace Podnet.Netlink.Tests.Infrastructure;

/// <summary>Reads which network namespace a thread is in, from <c>/proc</c> (independent of the runtime).</summary>
public static class NamespaceIdentity
{
    /// <summary>The inode of the calling thread's network namespace (from the <c>net:[N]</c> link).</summary>
    public static string OfCurrentThread()
    {
        string target = File.ResolveLinkTarget("/proc/thread-self/ns/net", returnFinalTarget: false)?.Name
            ?? throw new InvalidOperationException("/proc/thread-self/ns/net is not a link.");

        // "net:[4026531840]" → "4026531840"
        return target.StartsWith("net:[", StringComparison.Ordinal) && target.EndsWith(']')
            ? target[5..^1]
            : throw new InvalidOperationException($"Unexpected namespace link '{target}'.");
    }
}
