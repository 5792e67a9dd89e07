using Podnet.PluginCompare.Node;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare.Scenarios;

/// <summary>
/// ADD then DEL of one pod, repeated; the plugins take turns (reference, podnet, reference, …) so machine noise
/// lands on both alike.
/// </summary>
internal static class CycleScenario
{
    public static Dictionary<string, CycleSamples> Run(PluginInvoker invoker, IReadOnlyList<PluginUnderTest> plugins, int warmup, int cycles, CancellationToken cancellation)
    {
        var samples = plugins.ToDictionary(p => p.Label, _ => new CycleSamples(), StringComparer.Ordinal);
        for (int i = 0; i < warmup + cycles; i++)
        {
            foreach (PluginUnderTest plugin in plugins)
            {
                cancellation.ThrowIfCancellationRequested();
                string pod = invoker.Node.Pod(plugin.Label, 0);
                string id = plugin.NextContainerId();
                PluginRun add = invoker.Run(plugin, "ADD", id, pod);
                PluginRun del = invoker.Run(plugin, "DEL", id, pod);
                if (i < warmup)
                {
                    continue;
                }

                CycleSamples s = samples[plugin.Label];
                s.Add.Add(add.ElapsedMilliseconds);
                s.Del.Add(del.ElapsedMilliseconds);
                s.Cycle.Add(add.ElapsedMilliseconds + del.ElapsedMilliseconds);
                s.AddCpu.Add(add.CpuMilliseconds);
                s.DelCpu.Add(del.CpuMilliseconds);
            }
        }

        return samples;
    }
}
