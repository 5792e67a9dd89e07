using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Podnet.Agent.Cluster;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Node.Routing;

namespace Podnet.Agent.Node;

/// <summary>
/// The agent's one reconciler, whatever the cluster source: applies membership events to this node's routes (a full
/// pass after a listing, a resync or a route change it did not make; an incremental update for a node that joined,
/// changed or left), writes the node's conflist and <c>subnet.env</c> once it holds its subnet, and keeps the
/// masquerade rule in step with the cluster's pod networks. While the source is unreachable nothing is removed: the
/// routes stay as they are (fail static).
/// </summary>
public sealed class NodeAgent(AgentOptions options, IClusterSource source, AgentMetrics metrics)
{
    private const uint Ipv4RouteGroup = 7;
    private const uint Ipv6RouteGroup = 11;

    private readonly Dictionary<string, ClusterNode> _members = new(StringComparer.Ordinal);
    private readonly NodeSetup _setup = new(options);
    private IReadOnlyList<IPNetwork> _clusterNetworks = [];
    private IReadOnlyList<IPNetwork>? _ownSubnets;
    private bool _listed;

    /// <summary>Runs until <paramref name="cancellationToken"/> fires; returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        metrics.Source = source.Name;
        Channel<ClusterEvent> channel = Channel.CreateUnbounded<ClusterEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task sourceTask = RunSourceAsync(channel.Writer, stop.Token);
        using var monitor = new RouteMonitor(channel.Writer);
        using var resync = new Timer(_ => channel.Writer.TryWrite(new ResyncDue()), null, options.Resync, options.Resync);
        await using HealthServer? health = options.HealthEndpoint is { } endpoint ? HealthServer.Start(endpoint, metrics) : null;
        if (health is not null)
        {
            Log.Info($"serving /healthz, /readyz and /metrics on http://{health.Endpoint}");
        }

        using Rtnetlink netlink = Rtnetlink.Open();
        var reconciler = new PodRouteReconciler(netlink, UnreachablePeerPolicy.Skip);
        try
        {
            while (await channel.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                var pending = new Pending();
                while (channel.Reader.TryRead(out ClusterEvent? e))
                {
                    if (e is SourceFailed failed)
                    {
                        Log.Error($"{source.Name}: {failed.Error.Message}");
                        return 1;
                    }

                    Apply(e, reconciler, pending);
                }

                Reconcile(netlink, reconciler, pending);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await sourceTask.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Log.Info("stopped; routes, conflist and subnet.env are left in place");
        return 0;
    }

    private static async Task RunSourceAsync(IClusterSource source, ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await source.RunAsync(events, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (AgentException e)
        {
            events.TryWrite(new SourceFailed(e));
        }
    }

    private Task RunSourceAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken) =>
        Task.Run(() => RunSourceAsync(source, events, cancellationToken), CancellationToken.None);

    private void Apply(ClusterEvent e, PodRouteReconciler reconciler, Pending pending)
    {
        switch (e)
        {
            case MembershipListed listed:
                _members.Clear();
                foreach (ClusterNode node in listed.Nodes)
                {
                    _members[node.Name] = node;
                }

                _clusterNetworks = listed.ClusterNetworks;
                _listed = true;
                pending.Full = true;
                pending.Setup = true;
                break;
            case MemberChanged changed:
                _members[changed.Node.Name] = changed.Node;
                pending.Changed.Add(changed.Node.Name);
                pending.Setup |= changed.Node.Name == options.NodeName || _clusterNetworks.Count == 0;
                break;
            case MemberRemoved removed:
                _members.Remove(removed.Name);
                pending.Changed.Add(removed.Name);
                pending.Setup |= _clusterNetworks.Count == 0;
                break;
            case LocalLease lease:
                _ownSubnets = lease.Subnets;
                metrics.LeaseHeld(lease.LeaseExpiry);
                pending.Setup = true;
                break;
            case LeaseLost:
                metrics.LeaseLost();
                break;
            case SourceHealth health:
                metrics.StoreReachable(health.Reachable);
                if (!health.Reachable)
                {
                    metrics.StoreError();
                    Log.Warn($"{source.Name} unreachable: {health.Problem}; keeping every route as it is");
                }
                else
                {
                    Log.Info($"{source.Name} reachable again");
                }

                break;
            case ResyncDue:
                pending.Full |= _listed;
                break;
            case KernelRouteChanged kernel:
                if (kernel.Route is null || !reconciler.Explains(kernel.Route, kernel.Deleted))
                {
                    pending.Full |= _listed;
                }

                break;
        }
    }

    private void Reconcile(Rtnetlink netlink, PodRouteReconciler reconciler, Pending pending)
    {
        if (_listed && (pending.Full || pending.Changed.Count > 0))
        {
            if (!_members.ContainsKey(options.NodeName))
            {
                Log.Warn($"node {options.NodeName} is not in the membership yet; routes left as they are");
            }
            else
            {
                SyncRoutes(reconciler, pending);
            }
        }

        if (pending.Setup && _ownSubnets is { Count: > 0 } subnets)
        {
            try
            {
                IPAddress? nodeAddress = _members.GetValueOrDefault(options.NodeName)?.NodeIps.FirstOrDefault();
                int mtu = options.Mtu ?? NodeSetup.DetectMtu(netlink, nodeAddress);
                _setup.WriteFiles(subnets, _clusterNetworks, mtu);
                _setup.ApplyMasquerade(subnets, _clusterNetworks.Count > 0 ? _clusterNetworks : [.. _members.Values.SelectMany(m => m.PodCidrs)]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NetlinkException)
            {
                Log.Error($"setting up the node failed: {e.Message}; retrying at the next resync");
                _ = e;
            }
        }
    }

    private void SyncRoutes(PodRouteReconciler reconciler, Pending pending)
    {
        var clock = Stopwatch.StartNew();
        SyncReport report;
        try
        {
            report = pending.Full || !reconciler.HasBaseline
                ? reconciler.Reconcile([.. _members.Values], options.NodeName)
                : reconciler.Update(_members, options.NodeName, pending.Changed);
        }
        catch (Exception e) when (e is RouteSyncException or NetlinkException)
        {
            Log.Error($"route sync failed: {e.Message}; retrying at the next resync");
            return;
        }

        clock.Stop();
        int changes = report.Count(RouteChangeKind.Added) + report.Count(RouteChangeKind.Replaced) + report.Count(RouteChangeKind.Removed);
        metrics.Synced(clock.Elapsed, reconciler.DesiredCount, changes, report.Count(RouteChangeKind.Refused));
        foreach (RouteChange change in report.Changes.Where(c => c.Kind is not RouteChangeKind.Unchanged))
        {
            string line = $"route {change.Kind.ToString().ToLowerInvariant()} {change.Destination} {change.Detail}";
            if (change.Kind is RouteChangeKind.Refused or RouteChangeKind.Conflict)
            {
                Log.Warn(line);
            }
            else
            {
                Log.Info(line);
            }
        }
    }

    /// <summary>What a batch of events asks of the reconciler.</summary>
    private sealed class Pending
    {
        public bool Full { get; set; }

        public bool Setup { get; set; }

        public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The periodic full pass.</summary>
    private sealed record ResyncDue : ClusterEvent;

    /// <summary>The source cannot go on.</summary>
    private sealed record SourceFailed(AgentException Error) : ClusterEvent;

    /// <summary>The kernel reported a route change (<see cref="Route"/> is null when notifications were lost).</summary>
    private sealed record KernelRouteChanged(RouteMessage? Route, bool Deleted) : ClusterEvent;

    /// <summary>Forwards route notifications of the main tables from a thread of its own.</summary>
    private sealed class RouteMonitor : IDisposable
    {
        private readonly NetlinkSocket _socket;
        private readonly ChannelWriter<ClusterEvent> _events;
        private readonly Thread _thread;
        private volatile bool _stopping;

        public RouteMonitor(ChannelWriter<ClusterEvent> events)
        {
            _events = events;
            _socket = NetlinkSocket.Open(NetlinkProtocol.Route);
            _socket.Subscribe(Ipv4RouteGroup, Ipv6RouteGroup);
            _thread = new Thread(Run) { IsBackground = true, Name = "route monitor" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stopping = true;
            _thread.Join();
            _socket.Dispose();
        }

        private void Run()
        {
            while (!_stopping)
            {
                try
                {
                    _socket.TryReceive(Forward, TimeSpan.FromMilliseconds(250));
                }
                catch (Exception e) when (e is NetlinkException or NetlinkParseException || e is SystemCallException { Errno: Errno.ENOBUFS })
                {
                    // ENOBUFS (recv fails with it when a burst of notifications overflowed the socket buffer, as the
                    // agent's own first pass over thousands of routes can): notifications were lost; only a full pass
                    // can tell what changed.
                    _events.TryWrite(new KernelRouteChanged(null, false));
                }
            }
        }

        private void Forward(ushort type, ushort flags, ReadOnlySpan<byte> body)
        {
            if (type is not (RouteMessageType.NewRoute or RouteMessageType.DeleteRoute))
            {
                return;
            }

            RouteMessage route = RouteMessage.Read(body);
            if (route.TableId == RouteSpec.MainTable)
            {
                _events.TryWrite(new KernelRouteChanged(route, type == RouteMessageType.DeleteRoute));
            }
        }
    }
}

