using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests;

/// <summary>Waits for a condition that another process brings about.</summary>
internal static class Polling
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds; fails with <paramref name="explain"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> explain)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not within {timeout.TotalSeconds:0} s: {explain()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Polls an asynchronous <paramref name="condition"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> explain)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not within {timeout.TotalSeconds:0} s: {explain()}");
            }

            await Task.Delay(100);
        }
    }
}
