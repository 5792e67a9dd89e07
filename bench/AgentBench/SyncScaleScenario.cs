using System.Globalization;
using Podnet.Netlink;
using Podnet.Netlink.Testing;

namespace Podnet.AgentBench;

/// <summary>
/// How a no-op <c>podnet routes sync</c> grows with the node count: in a throwaway namespace with eth0, the routes of
/// N nodes are put in place once, then the no-op sync runs repeatedly; wall time is taken around each run, CPU time
/// (task-clock: user + system of the process) with <c>perf stat</c> when it is installed.
/// </summary>
internal sealed class SyncScaleScenario(BenchOptions options, CancellationToken cancellationToken)
{
    private const string Perf = "/usr/bin/perf";

    public sealed record Row(int Nodes, double WallMedian, double WallMin, double? TaskClock);

    public List<Row> Run()
    {
        var rows = new List<Row>();
        foreach (int nodes in options.SyncScale)
        {
            using NetworkNamespace ns = NetworkNamespace.Create(TestNames.Next("scale"));
            string work = TestNames.CreateDirectory("sync-scale");
            try
            {
                NodeNetwork.AddEth0(ns.Name);
                string cluster = Path.Combine(work, "cluster.json");
                NodeNetwork.WriteClusterFile(cluster, Enumerable.Range(1, nodes));
                string[] sync = ["routes", "sync", "--cluster", cluster, "--node", SyntheticNodes.SelfName];
                Shell.InNamespace(ns.Name, options.Podnet, sync);
                var wall = new List<double>();
                for (int r = 0; r < options.ScaleRuns + 3; r++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    (string output, TimeSpan elapsed) = Shell.InNamespace(ns.Name, options.Podnet, sync);
                    if (!output.Contains($"routes: no changes ({nodes} in place)", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"not a no-op at {nodes} nodes: {output}");
                    }

                    if (r >= 3)
                    {
                        wall.Add(elapsed.TotalMilliseconds);
                    }
                }

                double? taskClock = File.Exists(Perf) ? TaskClock(ns.Name, work, sync) : null;
                var row = new Row(nodes, Stats.Median(wall), wall.Min(), taskClock);
                rows.Add(row);
                Console.WriteLine($"==> no-op podnet routes sync at {nodes} nodes: wall median {row.WallMedian:0.0} ms (min {row.WallMin:0.0}), " +
                    $"task-clock {(taskClock is { } t ? $"{t:0.0} ms" : "n/a (no perf)")}");
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        return rows;
    }

    /// <summary>The mean task-clock of the no-op sync over the runs, from <c>perf stat -r</c> (CSV output).</summary>
    private double TaskClock(string ns, string work, string[] sync)
    {
        string csv = Path.Combine(work, "perf.csv");
        Shell.InNamespace(ns, Perf, ["stat", "-x", ",", "-e", "task-clock", "-r", options.ScaleRuns.ToString(CultureInfo.InvariantCulture), "-o", csv, "--", options.Podnet, .. sync]);
        foreach (string line in File.ReadLines(csv))
        {
            string[] fields = line.Split(',');
            if (fields.Length > 2 && fields[2].StartsWith("task-clock", StringComparison.Ordinal))
            {
                return double.Parse(fields[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"perf stat wrote no task-clock: {File.ReadAllText(csv)}");
    }
}
