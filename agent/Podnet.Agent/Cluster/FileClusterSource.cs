using System.Threading.Channels;
using Podnet.Node.Routing;

namespace Podnet.Agent.Cluster;

/// <summary>
/// Membership from a cluster description file (<c>specs/cni/cluster.schema.json</c>, the file <c>podnet routes sync</c>
/// reads), re-read whenever it changes. A file that cannot be read or parsed keeps the last good membership (and every
/// route) and marks the source unreachable until it is fixed.
/// </summary>
public sealed class FileClusterSource(string path, string nodeName) : IClusterSource
{
    private static readonly TimeSpan s_poll = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public string Name => "file";

    /// <inheritdoc/>
    public async Task RunAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        string full = Path.GetFullPath(path);
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        void Signal(object? sender, FileSystemEventArgs e) => changed.Release();
        watcher.Changed += Signal;
        watcher.Created += Signal;
        watcher.Renamed += (s, e) => changed.Release();
        watcher.EnableRaisingEvents = true;

        (DateTime, long)? stamp = null;
        bool healthy = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            (DateTime, long)? now = Stamp(full);
            if (now != stamp)
            {
                stamp = now;
                try
                {
                    ClusterDescription cluster = ClusterDescription.Load(full);
                    ClusterNode self = cluster.Nodes.FirstOrDefault(n => n.Name == nodeName)
                        ?? throw new RouteSyncException($"node {nodeName} is not in {full}");
                    await events.WriteAsync(new MembershipListed(cluster.Nodes, []), cancellationToken).ConfigureAwait(false);
                    await events.WriteAsync(new LocalLease(self.PodCidrs, null), cancellationToken).ConfigureAwait(false);
                    if (!healthy)
                    {
                        await events.WriteAsync(new SourceHealth(true, null), cancellationToken).ConfigureAwait(false);
                        healthy = true;
                    }
                }
                catch (RouteSyncException e)
                {
                    Log.Warn($"cluster file: {e.Message}; keeping the last good membership");
                    healthy = false;
                    await events.WriteAsync(new SourceHealth(false, e.Message), cancellationToken).ConfigureAwait(false);
                }
            }

            try
            {
                // A watcher event or the poll interval, whichever comes first (watchers miss edits on some file systems).
                await changed.WaitAsync(s_poll, cancellationToken).ConfigureAwait(false);
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static (DateTime, long)? Stamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}
