using Podnet.PluginCompare.Node;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare.Scenarios;

/// <summary>
/// Adds pods one after another without removing any (each in its own pod namespace), so the bridge gains ports and
/// the IPAM store fills; then deletes them all. Returns the ADD latency of every pod, in order.
/// </summary>
internal static class FillScenario
{
    public static Dictionary<string, List<double>> Run(PluginInvoker invoker, IReadOnlyList<PluginUnderTest> plugins, int pods, CancellationToken cancellation)
    {
        var latencies = plugins.ToDictionary(p => p.Label, _ => new List<double>(pods), StringComparer.Ordinal);
        var added = plugins.ToDictionary(p => p.Label, _ => new List<(string Id, string Pod)>(pods), StringComparer.Ordinal);
        try
        {
            for (int i = 0; i < pods; i++)
            {
                foreach (PluginUnderTest plugin in plugins)
                {
                    cancellation.ThrowIfCancellationRequested();
                    string pod = invoker.Node.Pod(plugin.Label, i);
                    string id = plugin.NextContainerId();
                    PluginRun add = invoker.Run(plugin, "ADD", id, pod);
                    added[plugin.Label].Add((id, pod));
                    latencies[plugin.Label].Add(add.ElapsedMilliseconds);
                }
            }
        }
        finally
        {
            // Empty the node again for the next scenario (when cancelled, the namespaces go anyway).
            if (!cancellation.IsCancellationRequested)
            {
                foreach (PluginUnderTest plugin in plugins)
                {
                    foreach ((string id, string pod) in added[plugin.Label])
                    {
                        _ = invoker.Run(plugin, "DEL", id, pod);
                    }
                }
            }
        }

        return latencies;
    }
}
