using System.Runtime.InteropServices;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Node;
using Podnet.Node.Routing;

namespace Podnet.Bridge.Routing;

/// <summary>
/// <c>podnet routes sync --cluster FILE --node NAME [--watch]</c>: programs, in the network namespace it runs in, a
/// route to every other node's pod subnets via that node's IP. With <c>--watch</c> it reconciles again whenever the
/// file changes or a route changes (so a route deleted by hand comes back). The node agent <c>podnetd</c> does the same
/// from a live membership source; this command is the one-shot, file-driven form.
/// </summary>
internal static class RouteSyncCommand
{
    private const uint Ipv4RouteGroup = 7;
    private const uint Ipv6RouteGroup = 11;

    public static readonly Verb Verb = new(
        "podnet",
        "routes sync",
        "  podnet routes sync --cluster FILE --node NAME [--watch]",
        new HashSet<string> { "watch" },
        new HashSet<string> { "cluster", "node", "watch" });

    public static int Run(IEnumerable<string> args, TextWriter stdout) => Verb.Run(args, line => Sync(line, stdout));

    private static int Sync(CommandLine line, TextWriter stdout)
    {
        string clusterFile = line.Require("cluster");
        string node = line.Require("node");
        try
        {
            using Rtnetlink netlink = Rtnetlink.Open();
            var reconciler = new PodRouteReconciler(netlink);
            SyncReport report = reconciler.Reconcile(ClusterDescription.Load(clusterFile).Nodes, node);
            report.WriteTo(stdout);
            stdout.Flush();
            if (!line.Has("watch"))
            {
                return report.HasConflicts ? 3 : 0;
            }

            Watch(clusterFile, node, reconciler, stdout);
            return 0;
        }
        catch (RouteSyncException e)
        {
            Console.Error.WriteLine($"podnet routes sync: {e.Message}");
            return 1;
        }
        catch (NetlinkException e)
        {
            Console.Error.WriteLine($"podnet routes sync: {e.Message}");
            return 1;
        }
    }

    private static void Watch(string clusterFile, string node, PodRouteReconciler reconciler, TextWriter stdout)
    {
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using NetlinkSocket events = NetlinkSocket.Open(NetlinkProtocol.Route);
        events.Subscribe(Ipv4RouteGroup, Ipv6RouteGroup);

        string full = Path.GetFullPath(clusterFile);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        int fileChanged = 0;
        watcher.Changed += (_, _) => Interlocked.Exchange(ref fileChanged, 1);
        watcher.Created += (_, _) => Interlocked.Exchange(ref fileChanged, 1);
        watcher.Renamed += (_, _) => Interlocked.Exchange(ref fileChanged, 1);
        watcher.EnableRaisingEvents = true;
        stdout.WriteLine($"watching {full} and the route table");
        stdout.Flush();

        while (!stop.IsCancellationRequested)
        {
            bool routeEvent = false;
            try
            {
                while (events.TryReceive((_, _, _) => routeEvent = true, TimeSpan.FromMilliseconds(200)))
                {
                    // Drain a burst of notifications (our own changes echo back too) before reconciling once.
                }
            }
            catch (SystemCallException e) when (e.Errno == Errno.ENOBUFS)
            {
                // A burst overflowed the socket buffer: notifications were lost, so reconcile.
                routeEvent = true;
            }

            if (!routeEvent && Interlocked.Exchange(ref fileChanged, 0) == 0)
            {
                continue;
            }

            try
            {
                SyncReport report = reconciler.Reconcile(ClusterDescription.Load(clusterFile).Nodes, node);
                if (report.ChangedAnything || report.HasConflicts)
                {
                    report.WriteTo(stdout);
                    stdout.Flush();
                }
            }
            catch (Exception e) when (e is RouteSyncException or NetlinkException or IOException)
            {
                // A half-written file or a transient kernel error: report and keep watching.
                Console.Error.WriteLine($"podnet routes sync: {e.Message}");
            }
        }
    }
}
