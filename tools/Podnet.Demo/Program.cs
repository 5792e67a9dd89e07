using System.Net;
using System.Runtime.InteropServices;
using Podnet.Testing.Cluster;

namespace Podnet.Demo;

/// <summary>
/// <c>./build.sh demo</c>: the seed scenario — three nodes at 192.168.1.11-13/20, a <c>v-net-0</c> bridge at
/// 10.244.N.1/24 on each (made by the plugin), pods attached through podnet's CNI interface, routes between nodes
/// by podnet's route agent — entirely inside network namespaces, then a pod×pod reachability matrix.
/// <c>./build.sh demo etcd</c>: the same cluster with membership from a three-member etcd cluster kept by
/// <c>podnetd</c> on every node, then a fourth node that joins and leaves.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        string plugin = Option(args, "--plugin") ?? Path.GetFullPath("artifacts/bin/podnet");
        string podnetd = Option(args, "--podnetd") ?? Path.Combine(Path.GetDirectoryName(plugin)!, "podnetd");
        int podsPerNode = int.Parse(Option(args, "--pods-per-node") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
        bool etcd = args.Contains("etcd");
        foreach (string binary in etcd ? [plugin, podnetd] : new[] { plugin })
        {
            if (!File.Exists(binary))
            {
                Console.Error.WriteLine($"demo: {binary} not found (run ./build.sh publish)");
                return 2;
            }
        }

        // Ctrl-C or SIGTERM: stop at the next step, then the usings below tear everything down.
        using var interrupted = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupted.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupted.Cancel(); });
        using var cluster = new SimulatedCluster(Console.Out);
        try
        {
            int failures = etcd
                ? await EtcdDemo.RunAsync(cluster, plugin, podnetd, podsPerNode, interrupted.Token)
                : Seed(new DemoCluster(cluster, plugin, Console.Out, interrupted.Token), podsPerNode, interrupted.Token);
            return failures == 0 ? 0 : 1;
        }
        catch (Exception) when (interrupted.IsCancellationRequested)
        {
            // Interrupted while waiting (the etcd fixture reports a cancelled wait as a timeout).
            Console.Error.WriteLine("demo interrupted: removing everything it created");
            return 130;
        }
        catch (Exception e) when (e is SimulatedClusterException or TimeoutException)
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

    private static int Seed(DemoCluster demo, int podsPerNode, CancellationToken cancel)
    {
        Console.WriteLine("== nodes on one L2 segment (192.168.1.0/20)");
        demo.BuildNodes(3);
        Console.WriteLine($"== pods, {podsPerNode} per node, each added by `podnet` as a container runtime would (CNI ADD)");
        demo.AddPods(podsPerNode);
        demo.DescribeBridges();
        Console.WriteLine("== routes between nodes: podnet routes sync on every node");
        demo.SyncRoutes();
        Console.WriteLine("== reachability: one UDP datagram from every pod to every pod");
        IReadOnlyList<SimulatedPod> pods = demo.Cluster.Pods;
        int failures = PrintMatrix(pods, cancel);
        Console.WriteLine("== cleanup: CNI DEL of every pod");
        failures += demo.DeletePods();
        Console.WriteLine(failures == 0
            ? $"OK: all {pods.Count * pods.Count} pod pairs reached each other, cross-node traffic kept its pod source address (no NAT)"
            : $"FAILED: {failures} problem(s)");
        return failures;
    }

    /// <summary>Prints the pod×pod matrix and the source each cross-node receiver saw; returns the number of failed pairs.</summary>
    internal static int PrintMatrix(IReadOnlyList<SimulatedPod> pods, CancellationToken cancel)
    {
        using var probe = new ReachabilityProbe(pods);
        int width = pods.Max(p => p.Name.Length) + 2;
        Console.Write("from \\ to".PadRight(width));
        foreach (SimulatedPod to in pods)
        {
            Console.Write(to.Name.PadRight(width));
        }

        Console.WriteLine();
        int failures = 0;
        var crossNode = new List<string>();
        foreach (SimulatedPod from in pods)
        {
            cancel.ThrowIfCancellationRequested();
            Console.Write(from.Name.PadRight(width));
            foreach (SimulatedPod to in pods)
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
