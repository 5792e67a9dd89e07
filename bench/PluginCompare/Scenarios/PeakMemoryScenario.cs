using System.Globalization;
using Podnet.PluginCompare.Node;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare.Scenarios;

/// <summary>
/// Peak RSS of ADD and DEL, each run under GNU <c>time -f %M</c>. Not measured with this process's own <c>wait4</c>:
/// a child spawned straight from the (large) .NET benchmark process inherits its high-water mark, because the kernel
/// folds the pre-<c>exec</c> memory map into <c>ru_maxrss</c>. <c>time</c> forks from a ~2 MiB process instead, and
/// reports <c>ru_maxrss</c> from its own <c>wait4</c>: the maximum over the plugin and every descendant the plugin
/// reaped (the reference <c>bridge</c> reaps its <c>host-local</c>).
/// </summary>
internal static class PeakMemoryScenario
{
    public const string TimeBinary = "/usr/bin/time";

    private static readonly string[] s_wrapper = [TimeBinary, "-f", "%M"];

    public static Dictionary<string, (List<double> Add, List<double> Del)> Run(
        PluginInvoker invoker, IReadOnlyList<PluginUnderTest> plugins, int cycles, CancellationToken cancellation)
    {
        var result = plugins.ToDictionary(p => p.Label, _ => (Add: new List<double>(), Del: new List<double>()), StringComparer.Ordinal);
        for (int i = 0; i < cycles; i++)
        {
            foreach (PluginUnderTest plugin in plugins)
            {
                cancellation.ThrowIfCancellationRequested();
                string pod = invoker.Node.Pod(plugin.Label, 0);
                string id = plugin.NextContainerId();
                result[plugin.Label].Add.Add(ReportedKiB(invoker.Run(plugin, "ADD", id, pod, s_wrapper)));
                result[plugin.Label].Del.Add(ReportedKiB(invoker.Run(plugin, "DEL", id, pod, s_wrapper)));
            }
        }

        return result;
    }

    /// <summary>The peak RSS <c>time</c> reports for a trivial program: the floor of this way of measuring.</summary>
    public static double Floor(SimulatedNode node) =>
        ReportedKiB(node.Start([TimeBinary, "-f", "%M", "/bin/true"], ["PATH=/usr/bin:/bin"], []).Complete());

    private static double ReportedKiB(PluginRun run)
    {
        // time prints its line after whatever the plugin wrote to stderr.
        string last = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        return double.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out double kib)
            ? kib
            : throw new InvalidOperationException($"{TimeBinary} printed no peak RSS: {run.Stderr}");
    }
}
