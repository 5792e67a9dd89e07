using System.Runtime.InteropServices;

namespace Podnet.AgentBench;

/// <summary>
/// The podnetd benchmark (bench/agent/run.sh): initial sync, event-to-route latency, churn, idle CPU and memory of one
/// real agent against a real etcd holding N synthetic leases, beside <c>podnet routes sync</c> and <c>ip -batch</c>;
/// and how a no-op <c>podnet routes sync</c> scales with the node count. Everything lives in throwaway network
/// namespaces, removed also on Ctrl-C or SIGTERM.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"AgentBench: {e.Message}");
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });

        Console.WriteLine($"==> podnetd benchmark on {Environment.ProcessorCount} CPUs, kernel {Environment.OSVersion.Version}, " +
            $"load average {File.ReadAllText("/proc/loadavg").Trim()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        try
        {
            var results = new List<AgentResult>();
            foreach (int nodes in options.Nodes)
            {
                results.Add(await new AgentScenario(options, nodes, stop.Token).RunAsync());
            }

            List<SyncScaleScenario.Row> scale = new SyncScaleScenario(options, stop.Token).Run();
            Console.WriteLine($"==> done, load average {File.ReadAllText("/proc/loadavg").Trim()}");
            Report.Write(Console.Out, options, results, scale);
            return results.All(r => r.InitialCheck.StartsWith("exact", StringComparison.Ordinal) && r.ChurnCheck.StartsWith("exact", StringComparison.Ordinal)) ? 0 : 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("AgentBench: interrupted; namespaces and etcd removed");
            return 130;
        }
    }
}
