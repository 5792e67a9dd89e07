using System.Globalization;
using System.Text;
using Podnet.PluginCompare.Scenarios;

namespace Podnet.PluginCompare.Reporting;

/// <summary>Turns a <see cref="ComparisonResult"/> into rows, a console table, a markdown table and a verdict.</summary>
internal sealed class ComparisonTable(ComparisonResult result)
{
    public const string Reference = "reference";
    public const string Podnet = "podnet";

    /// <summary>The issue's target: podnet's ADD+DEL at least this many times faster than the reference.</summary>
    public const double SpeedTarget = 5.0;

    public double CycleSpeedup => Cycle(Reference).Median / Cycle(Podnet).Median;

    public double ReferencePeakRssKiB => new Summary(result.PeakMemory[Reference].Add).Max;

    public double PodnetPeakRssKiB => new Summary(result.PeakMemory[Podnet].Add).Max;

    public IReadOnlyList<ReportRow> Rows()
    {
        CycleSamples r = result.Cycles[Reference], p = result.Cycles[Podnet];
        var (rm, pm) = (result.PeakMemory[Reference], result.PeakMemory[Podnet]);
        var rows = new List<ReportRow>
        {
            Time("ADD+DEL cycle, median (ms)", new Summary(r.Cycle).Median, new Summary(p.Cycle).Median),
            Time("ADD+DEL cycle, p95 (ms)", new Summary(r.Cycle).P95, new Summary(p.Cycle).P95),
            Time("ADD, median (ms)", new Summary(r.Add).Median, new Summary(p.Add).Median),
            Time("ADD, p95 (ms)", new Summary(r.Add).P95, new Summary(p.Add).P95),
            Time("DEL, median (ms)", new Summary(r.Del).Median, new Summary(p.Del).Median),
            Time("DEL, p95 (ms)", new Summary(r.Del).P95, new Summary(p.Del).P95),
            Time("ADD CPU user+sys, median (ms)", new Summary(r.AddCpu).Median, new Summary(p.AddCpu).Median),
            Time("DEL CPU user+sys, median (ms)", new Summary(r.DelCpu).Median, new Summary(p.DelCpu).Median),
            Kib("ADD peak RSS, max (KiB)", new Summary(rm.Add).Max, new Summary(pm.Add).Max),
            Kib("ADD peak RSS, median (KiB)", new Summary(rm.Add).Median, new Summary(pm.Add).Median),
            Kib("DEL peak RSS, max (KiB)", new Summary(rm.Del).Max, new Summary(pm.Del).Max),
            new(
                "binary size (bytes)",
                $"{result.ReferenceBridgeBytes + result.ReferenceHostLocalBytes:N0} (bridge {result.ReferenceBridgeBytes:N0} + host-local {result.ReferenceHostLocalBytes:N0})",
                $"{result.PodnetBytes:N0}",
                Ratio((double)(result.ReferenceBridgeBytes + result.ReferenceHostLocalBytes) / result.PodnetBytes)),
        };

        List<double> rf = result.Fill[Reference], pf = result.Fill[Podnet];
        rows.Add(Time("fill /24: ADD of pod 1 (ms)", rf[0], pf[0]));
        rows.Add(Time($"fill /24: ADD of pod {rf.Count} (ms)", rf[^1], pf[^1]));
        int window = Math.Min(10, rf.Count / 2);
        rows.Add(Time($"fill /24: mean ADD, first {window} pods (ms)", rf.Take(window).Average(), pf.Take(window).Average()));
        rows.Add(Time($"fill /24: mean ADD, last {window} pods (ms)", rf.TakeLast(window).Average(), pf.TakeLast(window).Average()));
        rows.Add(new("fill /24: least-squares slope (µs per pod already there)", Us(LinearFit.Slope(rf) * 1000), Us(LinearFit.Slope(pf) * 1000), string.Empty));

        var (ra, rd) = result.Concurrent[Reference];
        var (pa, pd) = result.Concurrent[Podnet];
        rows.Add(Time($"{result.Concurrency} concurrent ADDs, wall, median of {ra.Count} (ms)", new Summary(ra).Median, new Summary(pa).Median));
        rows.Add(Time($"{result.Concurrency} concurrent DELs, wall, median of {rd.Count} (ms)", new Summary(rd).Median, new Summary(pd).Median));

        FloorSamples f = result.Floor;
        rows.Add(new("in-process ADD+DEL (library API), median (ms)", "-", Ms(new Summary(f.Cycle).Median), string.Empty));
        rows.Add(new("in-process ADD+DEL (library API), p95 (ms)", "-", Ms(new Summary(f.Cycle).P95), string.Empty));
        rows.Add(new("in-process ADD / DEL, median (ms)", "-", Ms(new Summary(f.Add).Median) + " / " + Ms(new Summary(f.Del).Median), string.Empty));
        rows.Add(new("in-process managed allocation per cycle (KiB)", "-", (new Summary(f.AllocatedBytes).Median / 1024).ToString("F0", CultureInfo.InvariantCulture), string.Empty));
        return rows;
    }

    public IReadOnlyList<string> Verdict()
    {
        double speedup = CycleSpeedup;
        return
        [
            $"ADD+DEL speed-up (reference median / podnet median): {Ratio(speedup)} — target ≥ {SpeedTarget:F0}×: {(speedup >= SpeedTarget ? "MET" : "MISSED")}",
            $"peak RSS (ADD, max over the process tree, GNU time; its floor for /bin/true is {result.PeakMemoryFloorKiB:F0} KiB): reference {ReferencePeakRssKiB:F0} KiB, podnet {PodnetPeakRssKiB:F0} KiB — target podnet ≤ reference: {(PodnetPeakRssKiB <= ReferencePeakRssKiB ? "MET" : "MISSED")}",
        ];
    }

    public string RenderText()
    {
        IReadOnlyList<ReportRow> rows = Rows();
        string[] header = ["metric", Reference + " (bridge+host-local)", Podnet, "ref/podnet"];
        int[] widths = new int[4];
        foreach (string[] cells in rows.Select(Cells).Prepend(header))
        {
            for (int i = 0; i < 4; i++)
            {
                widths[i] = Math.Max(widths[i], cells[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (string[] cells in rows.Select(Cells).Prepend(header))
        {
            text.Append(cells[0].PadRight(widths[0])).Append("  ")
                .Append(cells[1].PadLeft(widths[1])).Append("  ")
                .Append(cells[2].PadLeft(widths[2])).Append("  ")
                .Append(cells[3].PadLeft(widths[3])).Append('\n');
        }

        foreach (string line in Verdict())
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    public string RenderMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| Metric | Reference (bridge + host-local) | podnet | Reference / podnet |\n");
        text.Append("|---|---:|---:|---:|\n");
        foreach (ReportRow row in Rows())
        {
            text.Append("| ").Append(row.Metric).Append(" | ").Append(row.Reference).Append(" | ").Append(row.Podnet).Append(" | ").Append(row.Ratio).Append(" |\n");
        }

        return text.ToString();
    }

    private static string[] Cells(ReportRow row) => [row.Metric, row.Reference, row.Podnet, row.Ratio];

    private Summary Cycle(string label) => new(result.Cycles[label].Cycle);

    private static ReportRow Time(string metric, double reference, double podnet) =>
        new(metric, Ms(reference), Ms(podnet), Ratio(reference / podnet));

    private static ReportRow Kib(string metric, double reference, double podnet) =>
        new(metric, reference.ToString("F0", CultureInfo.InvariantCulture), podnet.ToString("F0", CultureInfo.InvariantCulture), Ratio(reference / podnet));

    private static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Us(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "×";
}

/// <summary>One line of the comparison: a metric, both plugins' figures and reference / podnet.</summary>
internal sealed record ReportRow(string Metric, string Reference, string Podnet, string Ratio);
