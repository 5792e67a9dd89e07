using System.Globalization;

namespace Podnet.AgentBench;

/// <summary>The command line of AgentBench.</summary>
internal sealed class BenchOptions
{
    public const string Usage =
        """
        usage: AgentBench --podnetd PATH --podnet PATH [--nodes 1000,5000] [--joins 100] [--churn 200] [--idle 60]
                          [--runs 5] [--seed 1] [--sync-scale 1000,5000,10000] [--scale-runs 20]
          --nodes       lease counts to run the agent scenario at (0 or "" skips it)
          --joins       joins timed from the etcd put returning to the route notification (then the same leaves)
          --churn       random joins/leaves fired back to back before the final exact check
          --idle        seconds of idle over which the agent's CPU time is taken
          --runs        runs of each podnet routes sync / ip -batch comparison (median reported)
          --sync-scale  node counts for the no-op 'podnet routes sync' scaling run (empty skips it)
          --scale-runs  runs per node count in the scaling run
        """;

    public required string Podnetd { get; init; }

    public required string Podnet { get; init; }

    public IReadOnlyList<int> Nodes { get; init; } = [1000, 5000];

    public int Joins { get; init; } = 100;

    public int Churn { get; init; } = 200;

    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(60);

    public int Runs { get; init; } = 5;

    public int Seed { get; init; } = 1;

    public IReadOnlyList<int> SyncScale { get; init; } = [1000, 5000, 10000];

    public int ScaleRuns { get; init; } = 20;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument {args[i]}");
            }

            values[args[i][2..]] = args[++i];
        }

        string Take(string name) => values.Remove(name, out string? value) ? value : throw new ArgumentException($"--{name} is required");
        string? Get(string name) => values.Remove(name, out string? value) ? value : null;
        static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        static List<int> Ints(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Int).Where(n => n > 0)];

        var options = new BenchOptions
        {
            Podnetd = Path.GetFullPath(Take("podnetd")),
            Podnet = Path.GetFullPath(Take("podnet")),
            Nodes = Get("nodes") is { } nodes ? Ints(nodes) : [1000, 5000],
            Joins = Get("joins") is { } joins ? Int(joins) : 100,
            Churn = Get("churn") is { } churn ? Int(churn) : 200,
            Idle = TimeSpan.FromSeconds(Get("idle") is { } idle ? Int(idle) : 60),
            Runs = Math.Max(1, Get("runs") is { } runs ? Int(runs) : 5),
            Seed = Get("seed") is { } seed ? Int(seed) : 1,
            SyncScale = Get("sync-scale") is { } scale ? Ints(scale) : [1000, 5000, 10000],
            ScaleRuns = Math.Max(1, Get("scale-runs") is { } scaleRuns ? Int(scaleRuns) : 20),
        };
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{values.Keys.First()}");
        }

        if (options.Nodes.Concat(options.SyncScale).Any(n => n + options.Joins + options.Churn >= SyntheticNodes.MaxIndex))
        {
            throw new ArgumentException($"node count + joins + churn must stay below {SyntheticNodes.MaxIndex}");
        }

        return options;
    }
}
