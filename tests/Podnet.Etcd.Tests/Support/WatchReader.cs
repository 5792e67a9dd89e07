using Podnet.Etcd;

namespace Podnet.Etcd.Tests.Support;

/// <summary>Reads a prefix watch one batch at a time, each read bounded by a generous timeout.</summary>
internal sealed class WatchReader : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop;
    private readonly IAsyncEnumerator<EtcdWatchBatch> _batches;
    private Task<bool>? _pending;

    private WatchReader(IEtcdClient client, string prefix, long startRevision, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _batches = client.WatchPrefixAsync(prefix, startRevision, _stop.Token).GetAsyncEnumerator(_stop.Token);
    }

    public static WatchReader Start(IEtcdClient client, string prefix, long startRevision) =>
        new(client, prefix, startRevision, TestContext.Current.CancellationToken);

    /// <summary>The next batch, progress notifications included.</summary>
    /// <exception cref="TimeoutException">None came within the timeout.</exception>
    /// <exception cref="EtcdException">The watch failed (compacted, unavailable).</exception>
    public async Task<EtcdWatchBatch> NextAsync(TimeSpan? timeout = null)
    {
        _pending ??= _batches.MoveNextAsync().AsTask();
        bool more = await _pending.WaitAsync(timeout ?? s_timeout, TestContext.Current.CancellationToken);
        _pending = null;
        return more ? _batches.Current : throw new InvalidOperationException("the watch ended");
    }

    /// <summary>The next <paramref name="count"/> events, skipping progress notifications.</summary>
    public async Task<List<EtcdEvent>> EventsAsync(int count)
    {
        var events = new List<EtcdEvent>();
        while (events.Count < count)
        {
            events.AddRange((await NextAsync()).Events);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pending is not null)
        {
            try
            {
                await _pending;
            }
            catch (Exception e) when (e is OperationCanceledException or EtcdException)
            {
            }
        }

        await _batches.DisposeAsync();
        _stop.Dispose();
    }
}
