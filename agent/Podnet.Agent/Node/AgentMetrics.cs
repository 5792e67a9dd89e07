using System.Globalization;
using System.Text;

namespace Podnet.Agent.Node;

/// <summary>The agent's state for <c>/readyz</c> and <c>/metrics</c>. Written by the agent loop, read by the health server.</summary>
public sealed class AgentMetrics
{
    private long _routesOwned;
    private long _lastSyncUnixMs;
    private long _lastSyncDurationUs;
    private long _syncs;
    private long _routeChanges;
    private long _watchReconnects;
    private long _storeErrors;
    private long _leaseExpiryUnix;
    private long _refusedPeers;
    private int _storeReachable = 1;
    private int _leaseHeld;
    private int _synced;

    /// <summary>The source's name (<c>etcd</c>, <c>file</c>, <c>kubernetes</c>).</summary>
    public string Source { get; set; } = "";

    /// <summary>Whether the node is ready: it holds its subnet, has synced once and reaches its store.</summary>
    public bool Ready => Volatile.Read(ref _leaseHeld) == 1 && Volatile.Read(ref _synced) == 1 && Volatile.Read(ref _storeReachable) == 1;

    /// <summary>Why the node is not ready, or <see langword="null"/>.</summary>
    public string? NotReadyReason =>
        Volatile.Read(ref _leaseHeld) == 0 ? "this node holds no pod subnet yet"
        : Volatile.Read(ref _synced) == 0 ? "routes have not been synced yet"
        : Volatile.Read(ref _storeReachable) == 0 ? $"the {Source} store is unreachable (routes are kept as they are)"
        : null;

    /// <summary>A reconcile finished.</summary>
    public void Synced(TimeSpan duration, int routesOwned, int changes, int refused)
    {
        Interlocked.Exchange(ref _lastSyncUnixMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Interlocked.Exchange(ref _lastSyncDurationUs, (long)(duration.TotalMilliseconds * 1000));
        Interlocked.Exchange(ref _routesOwned, routesOwned);
        Interlocked.Exchange(ref _refusedPeers, refused);
        Interlocked.Increment(ref _syncs);
        Interlocked.Add(ref _routeChanges, changes);
        Volatile.Write(ref _synced, 1);
    }

    /// <summary>The store became reachable or unreachable.</summary>
    public void StoreReachable(bool reachable) => Volatile.Write(ref _storeReachable, reachable ? 1 : 0);

    /// <summary>A watch stream broke and was re-established.</summary>
    public void WatchReconnected() => Interlocked.Increment(ref _watchReconnects);

    /// <summary>A store request failed.</summary>
    public void StoreError() => Interlocked.Increment(ref _storeErrors);

    /// <summary>This node holds its subnet, with a lease that expires at <paramref name="expiry"/> (or none).</summary>
    public void LeaseHeld(DateTimeOffset? expiry)
    {
        Interlocked.Exchange(ref _leaseExpiryUnix, expiry?.ToUnixTimeSeconds() ?? 0);
        Volatile.Write(ref _leaseHeld, 1);
    }

    /// <summary>This node lost its subnet lease.</summary>
    public void LeaseLost() => Volatile.Write(ref _leaseHeld, 0);

    /// <summary>The Prometheus text exposition (format 0.0.4).</summary>
    public string Render()
    {
        var text = new StringBuilder(1024);
        Gauge(text, "podnetd_ready", "Whether the node is ready (holds its subnet, synced, store reachable).", Ready ? 1 : 0);
        Gauge(text, "podnetd_store_reachable", "Whether the membership store answers.", Volatile.Read(ref _storeReachable));
        Gauge(text, "podnetd_routes_owned", "Pod subnet routes podnet owns on this node.", Interlocked.Read(ref _routesOwned));
        Gauge(text, "podnetd_peers_refused", "Pod subnets not routed because their node is not on-link.", Interlocked.Read(ref _refusedPeers));
        Gauge(text, "podnetd_last_sync_timestamp_seconds", "When the last reconcile finished.", Interlocked.Read(ref _lastSyncUnixMs) / 1000.0);
        Gauge(text, "podnetd_last_sync_duration_seconds", "How long the last reconcile took.", Interlocked.Read(ref _lastSyncDurationUs) / 1e6);
        Counter(text, "podnetd_syncs_total", "Reconciles run.", Interlocked.Read(ref _syncs));
        Counter(text, "podnetd_route_changes_total", "Routes added, replaced or removed.", Interlocked.Read(ref _routeChanges));
        Counter(text, "podnetd_watch_reconnects_total", "Times the membership watch was re-established.", Interlocked.Read(ref _watchReconnects));
        Counter(text, "podnetd_store_errors_total", "Failed requests to the membership store.", Interlocked.Read(ref _storeErrors));
        Gauge(text, "podnetd_lease_expiry_timestamp_seconds", "When this node's subnet lease expires unless renewed (0: no lease).", Interlocked.Read(ref _leaseExpiryUnix));
        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, double value) => Metric(text, name, help, "gauge", value);

    private static void Counter(StringBuilder text, string name, string help, double value) => Metric(text, name, help, "counter", value);

    private static void Metric(StringBuilder text, string name, string help, string type, double value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n')
            .Append(name).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
}
