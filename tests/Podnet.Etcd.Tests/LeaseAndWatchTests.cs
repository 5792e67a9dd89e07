using System.Text;
using Podnet.Etcd.Tests.Support;

namespace Podnet.Etcd.Tests;

/// <summary>Leases and prefix watches against a real three-member cluster.</summary>
[Kernel]
public sealed class LeaseAndWatchTests(LoopbackEtcd etcd) : IClassFixture<LoopbackEtcd>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lease_is_granted_kept_alive_and_revoked_with_its_keys()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        EtcdLease lease = await client.GrantLeaseAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.NotEqual(0, lease.Id);
        Assert.Equal(TimeSpan.FromSeconds(30), lease.Ttl);

        Assert.True(await client.CreateAsync(prefix + "10.244.3.0-24", "node3"u8.ToArray(), lease.Id, Ct));
        Assert.Equal(lease.Id, (await client.GetAsync(prefix + "10.244.3.0-24", Ct))!.LeaseId);
        TimeSpan? left = await client.TimeToLiveAsync(lease.Id, Ct);
        Assert.True(left > TimeSpan.Zero && left <= TimeSpan.FromSeconds(30), $"{left}");
        Assert.Equal(TimeSpan.FromSeconds(30), await client.KeepAliveAsync(lease.Id, Ct));

        await client.RevokeLeaseAsync(lease.Id, Ct);
        Assert.Null(await client.GetAsync(prefix + "10.244.3.0-24", Ct));
        Assert.Null(await client.TimeToLiveAsync(lease.Id, Ct));
        Assert.Null(await client.KeepAliveAsync(lease.Id, Ct));
        await client.RevokeLeaseAsync(lease.Id, Ct); // gone already: not an error
    }

    [Fact]
    public async Task An_expiring_lease_deletes_its_key_and_the_watch_sees_the_delete()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        EtcdLease lease = await client.GrantLeaseAsync(TimeSpan.FromSeconds(2), Ct);
        long created = await client.PutAsync(prefix + "10.244.4.0-24", "node4"u8.ToArray(), lease.Id, Ct);

        await using WatchReader watch = WatchReader.Start(client, prefix, created);
        List<EtcdEvent> events = await watch.EventsAsync(2);
        Assert.Equal([EtcdEventType.Put, EtcdEventType.Delete], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(prefix + "10.244.4.0-24", e.Item.Key));
        Assert.Empty(events[1].Item.Value);
        Assert.True(events[1].Item.ModRevision > created);
        Assert.Null(await client.GetAsync(prefix + "10.244.4.0-24", Ct));
        Assert.Null(await client.KeepAliveAsync(lease.Id, Ct));
    }

    [Fact]
    public async Task A_watch_from_the_listed_revision_sees_every_later_change_in_order()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        await client.PutAsync(prefix + "a", "1"u8.ToArray(), cancellationToken: Ct);
        await client.PutAsync(prefix + "b", "1"u8.ToArray(), cancellationToken: Ct);
        EtcdRange listed = await client.GetPrefixAsync(prefix, Ct);

        // Changes between the list and the watch, one outside the prefix.
        long c1 = await client.PutAsync(prefix + "c", "1"u8.ToArray(), cancellationToken: Ct);
        await client.PutAsync(prefix.TrimEnd('/') + "-other/x", "1"u8.ToArray(), cancellationToken: Ct);
        Assert.True(await client.DeleteAsync(prefix + "a", Ct));

        await using WatchReader watch = WatchReader.Start(client, prefix, listed.Revision + 1);
        long b2 = await client.PutAsync(prefix + "b", "2"u8.ToArray(), cancellationToken: Ct);
        List<EtcdEvent> events = await watch.EventsAsync(3);

        Assert.Equal(
            [(EtcdEventType.Put, prefix + "c", "1"), (EtcdEventType.Delete, prefix + "a", ""), (EtcdEventType.Put, prefix + "b", "2")],
            events.Select(e => (e.Type, e.Item.Key, Encoding.UTF8.GetString(e.Item.Value))));
        Assert.Equal(c1, events[0].Item.ModRevision);
        Assert.Equal(b2, events[2].Item.ModRevision);
        Assert.True(events.Select(e => e.Item.ModRevision).Order().SequenceEqual(events.Select(e => e.Item.ModRevision)));
    }

    [Fact]
    public async Task A_quiet_watch_gets_progress_notifications_at_the_current_revision()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        long written = await client.PutAsync(prefix + "a", "1"u8.ToArray(), cancellationToken: Ct);
        await using WatchReader watch = WatchReader.Start(client, prefix, written + 1);

        // The fixture's members notify every second; a watch created after the write is synced at once.
        EtcdWatchBatch progress = await watch.NextAsync();
        Assert.Empty(progress.Events);
        Assert.True(progress.Revision >= written, $"{progress.Revision} < {written}");
    }

    [Fact]
    public async Task A_watch_from_a_compacted_revision_throws_EtcdCompactedException()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        long first = await client.PutAsync(prefix + "a", "1"u8.ToArray(), cancellationToken: Ct);
        await client.PutAsync(prefix + "a", "2"u8.ToArray(), cancellationToken: Ct);
        long compacted = await client.PutAsync(prefix + "a", "3"u8.ToArray(), cancellationToken: Ct);
        await etcd.Cluster.CompactAsync(compacted, Ct);

        await using WatchReader watch = WatchReader.Start(client, prefix, first);
        EtcdCompactedException e = await Assert.ThrowsAsync<EtcdCompactedException>(() => watch.NextAsync());
        Assert.Equal(compacted, e.CompactRevision);

        // Re-listing and watching from there works.
        EtcdRange listed = await client.GetPrefixAsync(prefix, Ct);
        await using WatchReader again = WatchReader.Start(client, prefix, listed.Revision + 1);
        long next = await client.PutAsync(prefix + "a", "4"u8.ToArray(), cancellationToken: Ct);
        Assert.Equal(next, Assert.Single(await again.EventsAsync(1)).Item.ModRevision);
    }

    [Fact]
    public async Task Canceling_a_watch_ends_it_with_OperationCanceledException()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        IAsyncEnumerator<EtcdWatchBatch> watch = client.WatchPrefixAsync(LoopbackEtcd.UniquePrefix(), 0, stop.Token).GetAsyncEnumerator(stop.Token);
        try
        {
            ValueTask<bool> next = watch.MoveNextAsync();
            stop.CancelAfter(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                while (await next)
                {
                    next = watch.MoveNextAsync();
                }
            });
        }
        finally
        {
            await watch.DisposeAsync();
        }
    }
}
