using Podnet.PluginCompare.Node;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare.Scenarios;

/// <summary>
/// Starts N ADDs (N pods) at once and measures the wall time until the last one finished, then the same for their
/// DELs. Rounds alternate between the plugins.
/// </summary>
internal static class ConcurrentScenario
{
    public static Dictionary<string, (List<double> Add, List<double> Del)> Run(
        PluginInvoker invoker, IReadOnlyList<PluginUnderTest> plugins, int concurrency, int rounds, CancellationToken cancellation)
    {
        var result = plugins.ToDictionary(p => p.Label, _ => (Add: new List<double>(), Del: new List<double>()), StringComparer.Ordinal);
        for (int round = 0; round < rounds; round++)
        {
            foreach (PluginUnderTest plugin in plugins)
            {
                cancellation.ThrowIfCancellationRequested();
                var pods = Enumerable.Range(0, concurrency)
                    .Select(i => (Id: plugin.NextContainerId(), Pod: invoker.Node.Pod(plugin.Label, i)))
                    .ToList();
                result[plugin.Label].Add.Add(RunAll(invoker, plugin, "ADD", pods));
                result[plugin.Label].Del.Add(RunAll(invoker, plugin, "DEL", pods));
            }
        }

        return result;
    }

    private static double RunAll(PluginInvoker invoker, PluginUnderTest plugin, string command, List<(string Id, string Pod)> pods)
    {
        byte[] config = plugin.Config.ToArray();
        List<ChildProcess> children = invoker.Node.StartAll(
            [.. pods.Select(p => (plugin.Executable, plugin.Environment(command, p.Id, p.Pod), config))]);
        var runs = children.Select(c => c.Complete()).ToList();
        foreach (PluginRun run in runs)
        {
            _ = PluginInvoker.EnsureSucceeded(plugin, command + " (concurrent)", run);
        }

        long start = runs.Min(r => r.StartTimestamp);
        long end = runs.Max(r => r.EndTimestamp);
        return (end - start) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }
}
