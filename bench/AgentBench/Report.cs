using System.Globalization;

namespace Podnet.AgentBench;

/// <summary>The figures as Markdown tables (the form docs/performance.md shows them in).</summary>
internal static class Report
{
    public static void Write(TextWriter writer, BenchOptions options, IReadOnlyList<AgentResult> results, IReadOnlyList<SyncScaleScenario.Row> scale)
    {
        if (results.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("| Leases in etcd | " + string.Join(" | ", results.Select(r => r.Nodes.ToString("N0", CultureInfo.InvariantCulture))) + " |");
            writer.WriteLine("|:---|" + string.Concat(results.Select(_ => "---:|")));
            Row(writer, results, $"`podnet routes sync --cluster`, from empty (median of {options.Runs})", r => Ms(r.PodnetSyncEmpty));
            Row(writer, results, $"`podnet routes sync --cluster`, no-op (median of {options.Runs})", r => Ms(r.PodnetSyncNoop));
            Row(writer, results, $"`ip -batch` route replace ×N, from empty (median of {options.Runs})", r => Ms(r.IpBatchEmpty));
            Row(writer, results, $"`ip -batch` route replace ×N, routes in place (median of {options.Runs})", r => Ms(r.IpBatchNoop));
            Row(writer, results, "podnetd: start → all N routes present", r => Ms(r.AgentInitialSync));
            Row(writer, results, "podnetd: start → `/readyz` 200", r => Ms(r.AgentReady));
            Row(writer, results, "podnetd: CPU (user + system) from start to all routes present", r => Ms(r.AgentStartCpu));
            Row(writer, results, "podnetd: first full pass (`podnetd_last_sync_duration_seconds`)", r => Ms(r.AgentFirstPass));
            Row(writer, results, "podnetd: last sync after the idle period (a periodic no-op full pass when idle ≥ 10 s)", r => Ms(r.AgentNoopPass));
            Row(writer, results, $"join: put returned → route notification, p50 ({options.Joins} joins)", r => Ms(Stats.Median(r.JoinLatencies)));
            Row(writer, results, "join: put returned → route notification, p99", r => Ms(Stats.Percentile(r.JoinLatencies, 99)));
            Row(writer, results, "join: put returned → route notification, max", r => Ms(r.JoinLatencies.Max()));
            Row(writer, results, "join: put issued → route notification, p50 / p99", r => $"{Ms(Stats.Median(r.JoinLatenciesFromIssue))} / {Ms(Stats.Percentile(r.JoinLatenciesFromIssue, 99))}");
            Row(writer, results, "leave: delete returned → route gone, p50 / p99", r => $"{Ms(Stats.Median(r.LeaveLatencies))} / {Ms(Stats.Percentile(r.LeaveLatencies, 99))}");
            Row(writer, results, "churn: joins + leaves fired back to back", r => $"{r.ChurnJoins} + {r.ChurnLeaves}");
            Row(writer, results, "churn: routes = membership, checked after", r => Ms(r.ChurnConverged));
            Row(writer, results, "churn: final check (1 s later)", r => r.ChurnCheck);
            Row(writer, results, "idle: CPU (user + system)", r => $"{r.IdleCpu:0.00} s over {r.IdleSeconds:0} s");
            Row(writer, results, "idle: VmRSS / VmHWM", r => $"{r.RssKib / 1024.0:0.0} / {r.HwmKib / 1024.0:0.0} MiB");
            Row(writer, results, "etcd: N leases put (16 in flight)", r => $"{r.EtcdFillSeconds:0.0} s");
            Row(writer, results, "route notifications lost (re-dumped)", r => r.Overflows.ToString(CultureInfo.InvariantCulture));
            Row(writer, results, "podnetd warn/error log lines", r => r.Problems.ToString(CultureInfo.InvariantCulture));
        }

        if (scale.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"| Nodes | no-op `podnet routes sync`, wall median ({options.ScaleRuns} runs) | wall min | task-clock (perf stat, mean) | task-clock per 1,000 nodes |");
            writer.WriteLine("|---:|---:|---:|---:|---:|");
            foreach (SyncScaleScenario.Row row in scale)
            {
                string perThousand = row.TaskClock is { } t ? Ms(t * 1000 / row.Nodes) : "n/a";
                writer.WriteLine($"| {row.Nodes:N0} | {Ms(row.WallMedian)} | {Ms(row.WallMin)} | {(row.TaskClock is { } c ? Ms(c) : "n/a")} | {perThousand} |");
            }
        }
    }

    private static void Row(TextWriter writer, IReadOnlyList<AgentResult> results, string name, Func<AgentResult, string> value) =>
        writer.WriteLine($"| {name} | " + string.Join(" | ", results.Select(value)) + " |");

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
