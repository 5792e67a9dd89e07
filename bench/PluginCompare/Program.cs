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
        Item(text, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine} (the plugins take turns, so background load weighs on both alike).");
        Item(text, $"Reference: Debian `containernetworking-plugins` ({result.ReferenceVersion}), `{options.ReferenceDirectory}/bridge` + `host-local`.");
        Item(text, $"podnet: `{RepositoryRelative(options.Podnet, options.DocumentPath)}` (NativeAOT, {result.PodnetBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
        text.Append('\n');
        Paragraph(text, "Command (root, a published `podnet` and GNU `time`; options such as `--cycles 50 --fill 100` are passed on to "
            + "`bench/PluginCompare`, or given to `./build.sh bench` as `PLUGIN_COMPARE_ARGS`):");
        text.Append("```\n").Append(options.Command ?? "bench/plugin-compare/run.sh").Append("\n```\n\n");
        Paragraph(text, "How: a \"node\" network namespace where every plugin process runs (`posix_spawn` from a thread inside it, environment "
            + "and stdin exactly as a runtime passes them) and one network namespace per pod. Both plugins get the same "
            + "configuration (`isGateway: true`, `ipam: host-local` on a /24) apart from `type` and names, and take turns. Wall time "
            + "is from `posix_spawn` to `wait4` returning; CPU is user + system time of the process tree from `wait4`. Peak RSS "
            + "comes from separate cycles under GNU `time -f %M` (`ru_maxrss` over the child and every descendant, so the "
            + "reference's figure covers `bridge` and the `host-local` child it starts with `CLONE_VM|CLONE_VFORK`); a child of the "
            + "benchmark's own .NET process would inherit its ~40 MiB high-water mark.");
        Paragraph(text, string.Create(CultureInfo.InvariantCulture,
            $"Counts: {options.Cycles} measured ADD+DEL cycles per plugin after {options.Warmup} warm-up; peak RSS: {options.RssCycles} cycles per plugin; "
            + $"fill: {options.Fill} pods added one after another, then deleted; {options.Concurrency} concurrent ADDs (then DELs), {options.Rounds} rounds; "
            + $"in-process floor: {options.FloorCycles} cycles through `CniPluginHost.Run(new BridgePlugin(), …)` in the (JIT) benchmark process."));
        text.Append(table.RenderMarkdown()).Append('\n');
        foreach (string line in table.Verdict())
        {
            Item(text, line);
        }

        if (options.AnalysisPath is { } analysis && File.Exists(analysis))
        {
            text.Append('\n').Append(File.ReadAllText(analysis).TrimEnd('\n')).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The docs' line length: prose is wrapped at 120 columns.</summary>
    private const int LineWidth = 120;

    private static void Item(StringBuilder text, string item) => Wrap(text, item, "- ", "  ");

    private static void Paragraph(StringBuilder text, string paragraph)
    {
        Wrap(text, paragraph, "", "");
        text.Append('\n');
    }

    private static void Wrap(StringBuilder text, string words, string first, string rest)
    {
        var line = new StringBuilder(first);
        int empty = first.Length;
        foreach (string word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > empty && line.Length + 1 + word.Length > LineWidth)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(rest);
                empty = rest.Length;
            }

            if (line.Length > empty)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        text.Append(line).Append('\n');
    }

    /// <summary>The binary's path as a reader can use it: relative to the repository when it lies inside it.</summary>
    private static string RepositoryRelative(string path, string? documentPath)
    {
        // The document is docs/performance.md, so the repository is its folder's parent.
        string? repository = documentPath is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(documentPath)));
        if (repository is null)
        {
            return path;
        }

        string relative = Path.GetRelativePath(repository, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static void Progress(Stopwatch clock, string message) =>
        Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1}s] {message}");
}
