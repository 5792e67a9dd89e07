using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Podnet.PluginCompare.Node;
using Podnet.PluginCompare.Options;
using Podnet.PluginCompare.Reporting;
using Podnet.PluginCompare.Scenarios;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare;

/// <summary>
/// Side-by-side benchmark of the podnet plugin against the reference bridge + host-local, on one simulated node made
/// of network namespaces: ADD+DEL latency, peak RSS, binary size, latency while filling a /24, concurrent ADDs, and
/// the in-process floor.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("plugin-compare: " + e.Message);
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Cancel(c, cancellation));
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Cancel(c, cancellation));
        try
        {
            return Run(options, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("plugin-compare: interrupted; namespaces and temporary files removed");
            return 130;
        }
    }

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        // Let the current step finish and the finally blocks remove the namespaces.
        context.Cancel = true;
        cancellation.Cancel();
    }

    private static int Run(BenchmarkOptions options, CancellationToken cancellation)
    {
        string bridge = Path.Combine(options.ReferenceDirectory, "bridge");
        string hostLocal = Path.Combine(options.ReferenceDirectory, "host-local");
        foreach (string binary in new[] { bridge, hostLocal, options.Podnet, PeakMemoryScenario.TimeBinary })
        {
            if (!File.Exists(binary))
            {
                Console.Error.WriteLine($"plugin-compare: {binary} not found (run ./build.sh publish; apt-get install containernetworking-plugins time)");
                return 1;
            }
        }

        var clock = Stopwatch.StartNew();
        string machine = MachineDescription.Describe();
        ComparisonResult result;
        using (SimulatedNode node = SimulatedNode.Create())
        {
            var reference = new PluginUnderTest(
                ComparisonTable.Reference, bridge, "bridge", "pc-reference", "pcref0", "10.201.0.0/24", Path.Combine(node.TemporaryDirectory, "ipam-reference"), options.ReferenceDirectory);
            var podnet = new PluginUnderTest(
                ComparisonTable.Podnet, options.Podnet, "podnet", "pc-podnet", "pcpodnet0", "10.202.0.0/24", Path.Combine(node.TemporaryDirectory, "ipam-podnet"), options.ReferenceDirectory);
            PluginUnderTest[] plugins = [reference, podnet];
            var invoker = new PluginInvoker(node);

            int pods = Math.Max(options.Fill, options.Concurrency);
            Progress(clock, $"node {node.NodeNamespace.Name}: creating {pods} pod namespaces per plugin");
            foreach (PluginUnderTest plugin in plugins)
            {
                node.CreatePods(plugin.Label, pods, cancellation);
            }

            string referenceVersion = ReferenceVersion(node, bridge);
            Progress(clock, $"ADD+DEL cycles: {options.Warmup} warm-up + {options.Cycles} measured per plugin, interleaved");
            Dictionary<string, CycleSamples> cycles = CycleScenario.Run(invoker, plugins, options.Warmup, options.Cycles, cancellation);
            Progress(clock, $"peak RSS: {options.RssCycles} ADD+DEL cycles per plugin under {PeakMemoryScenario.TimeBinary} -f %M, interleaved");
            var peakMemory = PeakMemoryScenario.Run(invoker, plugins, options.RssCycles, cancellation);
            double peakMemoryFloor = PeakMemoryScenario.Floor(node);
            Progress(clock, $"{options.Concurrency} concurrent ADDs then DELs, {options.Rounds} rounds per plugin");
            var concurrent = ConcurrentScenario.Run(invoker, plugins, options.Concurrency, options.Rounds, cancellation);
            Progress(clock, $"filling the /24 with {options.Fill} pods per plugin, interleaved");
            Dictionary<string, List<double>> fill = FillScenario.Run(invoker, plugins, options.Fill, cancellation);
            Progress(clock, $"in-process floor: {options.Warmup} warm-up + {options.FloorCycles} ADD+DEL cycles through the library API");
            FloorSamples floor = InProcessFloor.Run(node, podnet, options.Warmup, options.FloorCycles, cancellation);

            result = new ComparisonResult
            {
                Cycles = cycles,
                Concurrent = concurrent,
                PeakMemory = peakMemory,
                PeakMemoryFloorKiB = peakMemoryFloor,
                Fill = fill,
                Floor = floor,
                ReferenceBridgeBytes = new FileInfo(bridge).Length,
                ReferenceHostLocalBytes = new FileInfo(hostLocal).Length,
                PodnetBytes = new FileInfo(options.Podnet).Length,
                ReferenceVersion = referenceVersion,
                Concurrency = options.Concurrency,
            };
        }

        Progress(clock, "done; namespaces removed");
        var table = new ComparisonTable(result);
        Console.Out.Write(table.RenderText());
        if (options.DocumentPath is { } document)
        {
            PerformanceDocument.ReplaceSection(document, Section(options, result, table, machine));
            Console.Out.WriteLine($"figures written to {document}");
        }

        return 0;
    }

    private static string ReferenceVersion(SimulatedNode node, string bridge)
    {
        // Without CNI_COMMAND the reference plugins print "CNI bridge plugin vX.Y.Z" (Debian's build: "version unknown").
        PluginRun run = node.Start([bridge], ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"], []).Complete();
        string about = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "?";
        string? package = DebianPackage.InstalledVersion("containernetworking-plugins");
        return package is null ? about : $"package {package}; `bridge` says \"{about}\"";
    }

    private static string Section(BenchmarkOptions options, ComparisonResult result, ComparisonTable table, string machine)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"- Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine} (the plugins take turns, so background load weighs on both alike).\n");
        text.Append(CultureInfo.InvariantCulture, $"- Reference: Debian `containernetworking-plugins` ({result.ReferenceVersion}), `{options.ReferenceDirectory}/bridge` + `host-local`.\n");
        text.Append(CultureInfo.InvariantCulture, $"- podnet: `{options.Podnet}` (NativeAOT, {result.PodnetBytes:N0} bytes).\n\n");
        text.Append("Command:\n\n```\n").Append(options.Command ?? "./build.sh bench").Append("\n```\n\n");
        text.Append("How: one simulated node — a \"node\" network namespace where every plugin process runs (started with ")
            .Append("`posix_spawn` from a thread inside it, environment + stdin exactly as a runtime passes them) and one network ")
            .Append("namespace per pod. Both plugins get the same configuration (`isGateway: true`, `ipam: host-local` on a /24, ")
            .Append("`dataDir` in a temporary directory) apart from `type` and names, and take turns (reference, podnet, reference, …). ")
            .Append("Wall time is from `posix_spawn` to `wait4` returning; CPU is user + system time of the process tree from `wait4`. ")
            .Append("Peak RSS comes from separate cycles run under GNU `time -f %M`: `ru_maxrss` of `time`'s `wait4`, which the kernel ")
            .Append("reports as the maximum over the child and every descendant it reaped — so for the reference it covers `bridge` and ")
            .Append("the `host-local` child it runs (Go starts it with `CLONE_VM|CLONE_VFORK`, so `host-local`'s figure is at least ")
            .Append("`bridge`'s RSS at that moment). `time` is used because a child spawned straight from the benchmark's own .NET ")
            .Append("process would inherit that process's ~40 MiB high-water mark.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Counts: {options.Cycles} measured ADD+DEL cycles per plugin after {options.Warmup} warm-up; ")
            .Append(CultureInfo.InvariantCulture, $"peak RSS: {options.RssCycles} cycles per plugin; ")
            .Append(CultureInfo.InvariantCulture, $"fill: {options.Fill} pods added one after another, then deleted; ")
            .Append(CultureInfo.InvariantCulture, $"{options.Concurrency} concurrent ADDs (then DELs), {options.Rounds} rounds; ")
            .Append(CultureInfo.InvariantCulture, $"in-process floor: {options.FloorCycles} cycles through `CniPluginHost.Run(new BridgePlugin(), …)` in the (JIT) benchmark process.\n\n");
        text.Append(table.RenderMarkdown()).Append('\n');
        foreach (string line in table.Verdict())
        {
            text.Append("- ").Append(line).Append('\n');
        }

        if (options.AnalysisPath is { } analysis && File.Exists(analysis))
        {
            text.Append('\n').Append(File.ReadAllText(analysis).TrimEnd('\n')).Append('\n');
        }

        return text.ToString();
    }

    private static void Progress(Stopwatch clock, string message) =>
        Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1}s] {message}");
}
