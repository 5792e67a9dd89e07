using System.Diagnostics;
using System.Text;
using Podnet.Bridge;
using Podnet.Cni;
using Podnet.Netlink;
using Podnet.PluginCompare.Node;

namespace Podnet.PluginCompare.Scenarios;

/// <summary>
/// The floor: the same ADD+DEL cycle through the library API (<see cref="CniPluginHost"/> + the plugin's
/// <c>BridgePlugin</c>) in this long-lived process, on one thread inside the node namespace: no process start-up,
/// no runtime initialisation, JIT already warm — only configuration parsing, IPAM and netlink.
/// </summary>
internal static class InProcessFloor
{
    public static FloorSamples Run(SimulatedNode node, PluginUnderTest podnet, int warmup, int cycles, CancellationToken cancellation)
    {
        byte[] config = podnet.Config.ToArray();
        string pod = node.Pod(podnet.Label, 0);
        return NetworkNamespace.RunInNamespace(node.NodeNamespace.Path, () =>
        {
            var samples = new FloorSamples();
            var plugin = new BridgePlugin();
            for (int i = 0; i < warmup + cycles; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                string id = podnet.NextContainerId();
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                double add = Invoke(plugin, podnet, config, "ADD", id, pod);
                double del = Invoke(plugin, podnet, config, "DEL", id, pod);
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                if (i >= warmup)
                {
                    samples.Add.Add(add);
                    samples.Del.Add(del);
                    samples.Cycle.Add(add + del);
                    samples.AllocatedBytes.Add(allocated);
                }
            }

            return samples;
        });
    }

    private static double Invoke(BridgePlugin plugin, PluginUnderTest podnet, byte[] config, string command, string id, string pod)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in podnet.Environment(command, id, pod))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            environment[pair[..eq]] = pair[(eq + 1)..];
        }

        using var stdin = new MemoryStream(config, writable: false);
        using var stdout = new MemoryStream();
        long start = Stopwatch.GetTimestamp();
        int exitCode = CniPluginHost.Run(plugin, environment, stdin, stdout, TextWriter.Null);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return exitCode == 0
            ? elapsed
            : throw new InvalidOperationException($"in-process {command} failed: {Encoding.UTF8.GetString(stdout.ToArray())}");
    }
}
