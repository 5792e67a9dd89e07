using System.Net;
using System.Runtime.InteropServices;

namespace Podnet.Demo;

/// <summary>
/// <c>./build.sh demo</c>: the seed scenario — three nodes at 192.168.1.11-13/20, a <c>v-net-0</c> bridge at
/// 10.244.N.1/24 on each (made by the plugin), pods attached through podnet's CNI interface, routes between nodes
/// by podnet's route agent — entirely inside network namespaces, then a pod×pod reachability matrix.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string plugin = Option(args, "--plugin") ?? Path.GetFullPath("artifacts/bin/podnet");
        int podsPerNode = int.Parse(Option(args, "--pods-per-node") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
        if (!File.Exists(plugin))
        {
            Console.Error.WriteLine($"demo: plugin binary {plugin} not found (run ./build.sh publish)");
            return 2;
        }

        // Ctrl-C or SIGTERM: stop at the next step, then the using below tears everything down.
        using var interrupted = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupted.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupted.Cancel(); });
        using var cluster = new DemoCluster(plugin, Console.Out, interrupted.Token);
        try
        {
            Console.WriteLine("== nodes on one L2 segment (192.168.1.0/20)");
            cluster.BuildNodes(3);
            Console.WriteLine($"== pods, {podsPerNode} per node, each added by `podnet` as a container runtime would (CNI ADD)");
            cluster.AddPods(podsPerNode);
            cluster.DescribeBridges();
            Console.WriteLine("== routes between nodes: podnet routes sync on every node");
            cluster.SyncRoutes();
            Console.WriteLine("== reachability: one UDP datagram from every pod to every pod");
            int failures = PrintMatrix(cluster.Pods, interrupted.Token);
            Console.WriteLine("== cleanup: CNI DEL of every pod");
            failures += cluster.DeletePods();
            Console.WriteLine(failures == 0
                ? $"OK: all {cluster.Pods.Count * cluster.Pods.Count} pod pairs reached each other, cross-node traffic kept its pod source address (no NAT)"
                : $"FAILED: {failures} problem(s)");
            return failures == 0 ? 0 : 1;
        }
        catch (DemoFailedException e)
        {
            Console.Error.WriteLine($"demo failed: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("demo interrupted: removing everything it created");
            return 130;
        }
    }

    private static int PrintMatrix(IReadOnlyList<DemoPod> pods, CancellationToken cancel)
    {
        using var probe = new ReachabilityProbe(pods);
        int width = pods.Max(p => p.Name.Length) + 2;
        Console.Write("from \\ to".PadRight(width));
        foreach (DemoPod to in pods)
        {
            Console.Write(to.Name.PadRight(width));
        }

        Console.WriteLine();
        int failures = 0;
        var crossNode = new List<string>();
        foreach (DemoPod from in pods)
        {
            cancel.ThrowIfCancellationRequested();
            Console.Write(from.Name.PadRight(width));
            foreach (DemoPod to in pods)
            {
                IPAddress? seen = probe.Probe(from, to);
                bool ok = seen is not null && seen.Equals(from.Address);
                failures += ok ? 0 : 1;
                Console.Write((seen is null ? "FAIL" : ok ? "ok" : "NAT!").PadRight(width));
                if (from.Node != to.Node)
                {
                    crossNode.Add($"  {from.Name} ({from.Address}) -> {to.Name} ({to.Address}): receiver saw source {seen?.ToString() ?? "nothing"}{(ok ? "" : "  <-- WRONG")}");
                }
            }

            Console.WriteLine();
        }

        Console.WriteLine("== cross-node pairs: the source address each receiver saw");
        crossNode.ForEach(Console.WriteLine);
        return failures;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
