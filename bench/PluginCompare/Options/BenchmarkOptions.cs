using System.Globalization;

namespace Podnet.PluginCompare.Options;

/// <summary>Command-line settings; every count can be lowered for a quick run.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage =
        """
        usage: PluginCompare --podnet PATH [options]
          --podnet PATH          the published podnet binary (required)
          --reference-dir DIR    where bridge and host-local live (default /usr/lib/cni)
          --cycles N             measured ADD+DEL cycles per plugin (default 200)
          --warmup N             unmeasured cycles per plugin first (default 10)
          --rss-cycles N         ADD+DEL cycles per plugin run under GNU time for peak RSS (default 20)
          --fill N               pods added one after another into the /24 (default 250, at most 253)
          --concurrency N        simultaneous ADDs (default 32)
          --rounds N             rounds of the concurrent test (default 3)
          --floor-cycles N       in-process ADD+DEL cycles through the library API (default 200)
          --doc FILE             replace this benchmark's section in FILE (e.g. docs/performance.md)
          --analysis FILE        markdown appended to the section (hand-written profiling notes)
          --command TEXT         the command line to record in the document
        """;

    public required string Podnet { get; init; }

    public string ReferenceDirectory { get; init; } = "/usr/lib/cni";

    public int Cycles { get; init; } = 200;

    public int Warmup { get; init; } = 10;

    public int RssCycles { get; init; } = 20;

    public int Fill { get; init; } = 250;

    public int Concurrency { get; init; } = 32;

    public int Rounds { get; init; } = 3;

    public int FloorCycles { get; init; } = 200;

    public string? DocumentPath { get; init; }

    public string? AnalysisPath { get; init; }

    public string? Command { get; init; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        string[] known = ["podnet", "reference-dir", "cycles", "warmup", "rss-cycles", "fill", "concurrency", "rounds", "floor-cycles", "doc", "analysis", "command"];
        foreach (string key in values.Keys.Where(k => !known.Contains(k)))
        {
            throw new ArgumentException($"unknown option --{key}");
        }

        var options = new BenchmarkOptions
        {
            Podnet = values.TryGetValue("podnet", out string? podnet) ? Path.GetFullPath(podnet) : throw new ArgumentException("--podnet is required"),
            ReferenceDirectory = values.GetValueOrDefault("reference-dir", "/usr/lib/cni"),
            Cycles = Count(values, "cycles", 200, 1),
            Warmup = Count(values, "warmup", 10, 0),
            RssCycles = Count(values, "rss-cycles", 20, 1),
            Fill = Count(values, "fill", 250, 2),
            Concurrency = Count(values, "concurrency", 32, 1),
            Rounds = Count(values, "rounds", 3, 1),
            FloorCycles = Count(values, "floor-cycles", 200, 1),
            DocumentPath = values.GetValueOrDefault("doc"),
            AnalysisPath = values.GetValueOrDefault("analysis"),
            Command = values.GetValueOrDefault("command"),
        };
        if (options.Fill > 253 || options.Concurrency > 253)
        {
            throw new ArgumentException("--fill and --concurrency must fit a /24 (at most 253 pods)");
        }

        return options;
    }

    private static int Count(Dictionary<string, string> values, string key, int fallback, int minimum)
    {
        if (!values.TryGetValue(key, out string? text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= minimum
            ? n
            : throw new ArgumentException($"--{key} must be an integer >= {minimum}");
    }
}
