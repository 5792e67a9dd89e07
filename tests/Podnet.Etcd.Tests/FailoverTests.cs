using System.Diagnostics;
using System.Text;
using Podnet.Etcd.Tests.Support;

namespace Podnet.Etcd.Tests;

/// <summary>Members dying under the client: each test has its own cluster.</summary>
public sealed class FailoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Killing_the_member_the_client_uses_moves_calls_to_the_others()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(3, cancellationToken: Ct);
        await using EtcdClient client = cluster.CreateClient();
        await client.PutAsync("/f/a", "1"u8.ToArray(), cancellationToken: Ct);
        int used = IndexOf(cluster, client.CurrentEndpoint);

        cluster.Kill(used);
        Assert.Equal("1", Encoding.UTF8.GetString((await client.GetAsync("/f/a", Ct))!.Value));
        Assert.NotEqual(used, IndexOf(cluster, client.CurrentEndpoint));
        Assert.True(await client.CreateAsync("/f/b", "2"u8.ToArray(), cancellationToken: Ct));
        Assert.Equal(["/f/a", "/f/b"], (await client.GetPrefixAsync("/f/", Ct)).Items.Select(i => i.Key));
    }

    [Fact]
    public async Task After_the_leader_is_killed_writes_succeed_and_the_watch_resumes_on_another_member_without_losing_events()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(3, cancellationToken: Ct);
        int leader = await cluster.LeaderIndexAsync(Ct);

        // The client starts at the leader, so its watch stream runs there.
        Uri[] endpoints = [cluster.Endpoints[leader], .. cluster.Endpoints.Where((_, i) => i != leader)];
        await using EtcdClient client = cluster.CreateClient(endpoints: endpoints);
        long first = await client.PutAsync("/w/a", "1"u8.ToArray(), cancellationToken: Ct);
        await using WatchReader watch = WatchReader.Start(client, "/w/", first);
        Assert.Equal(first, Assert.Single(await watch.EventsAsync(1)).Item.ModRevision);
        Assert.Equal(cluster.Endpoints[leader], client.CurrentEndpoint);

        cluster.Kill(leader);
        long second = await client.PutAsync("/w/b", "2"u8.ToArray(), cancellationToken: Ct);
        Assert.True(await client.CreateAsync("/w/c", "3"u8.ToArray(), cancellationToken: Ct));
        List<EtcdEvent> events = await watch.EventsAsync(2);
        Assert.Equal(["/w/b", "/w/c"], events.Select(e => e.Item.Key));
        Assert.Equal(second, events[0].Item.ModRevision);
        Assert.NotEqual(leader, await cluster.LeaderIndexAsync(Ct));
    }

    [Fact]
    public async Task With_every_member_down_calls_and_watches_throw_EtcdUnavailableException()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(3, cancellationToken: Ct);
        await using EtcdClient client = cluster.CreateClient(TimeSpan.FromSeconds(2));
        await client.PutAsync("/d/a", "1"u8.ToArray(), cancellationToken: Ct);
        for (int i = 0; i < cluster.Count; i++)
        {
            cluster.Kill(i);
        }

        var clock = Stopwatch.StartNew();
        EtcdUnavailableException e = await Assert.ThrowsAsync<EtcdUnavailableException>(() => client.GetAsync("/d/a", Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        foreach (Uri endpoint in cluster.Endpoints)
        {
            Assert.Contains(endpoint.ToString(), e.Message, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<EtcdUnavailableException>(() => client.PutAsync("/d/b", "1"u8.ToArray(), cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct));
        await using WatchReader watch = WatchReader.Start(client, "/d/", 0);
        await Assert.ThrowsAsync<EtcdUnavailableException>(() => watch.NextAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_stopped_member_restarts_on_its_data_and_catches_up()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(3, cancellationToken: Ct);
        await using EtcdClient client = cluster.CreateClient();
        await client.PutAsync("/r/before", "1"u8.ToArray(), cancellationToken: Ct);
        await cluster.StopAsync(2);
        Assert.False(cluster.IsRunning(2));
        await client.PutAsync("/r/while-down", "2"u8.ToArray(), cancellationToken: Ct);

        await cluster.StartMemberAsync(2, Ct);
        await using EtcdClient only2 = cluster.CreateClient(endpoints: [cluster.Endpoints[2]]);
        Assert.Equal(["/r/before", "/r/while-down"], (await only2.GetPrefixAsync("/r/", Ct)).Items.Select(i => i.Key));
    }

    [Fact]
    public async Task A_member_that_stops_answering_is_left_after_the_request_timeout()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(3, cancellationToken: Ct);
        await using EtcdClient client = cluster.CreateClient(TimeSpan.FromSeconds(1));
        await client.PutAsync("/p/a", "1"u8.ToArray(), cancellationToken: Ct);
        int used = IndexOf(cluster, client.CurrentEndpoint);

        cluster.Pause(used);
        try
        {
            // Connecting still works (the kernel accepts for the frozen process); only the timeout can move on.
            Assert.Equal("1", Encoding.UTF8.GetString((await client.GetAsync("/p/a", Ct))!.Value));
            Assert.NotEqual(used, IndexOf(cluster, client.CurrentEndpoint));
        }
        finally
        {
            cluster.Resume(used);
        }
    }

    [Fact]
    public async Task A_watch_on_a_member_that_lost_its_leader_ends_with_EtcdUnavailableException()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(3, cancellationToken: Ct);
        await using EtcdClient client = cluster.CreateClient(TimeSpan.FromSeconds(2), endpoints: [cluster.Endpoints[0]]);
        long written = await client.PutAsync("/l/a", "1"u8.ToArray(), cancellationToken: Ct);
        await using WatchReader watch = WatchReader.Start(client, "/l/", written);
        Assert.Single(await watch.EventsAsync(1));

        // Member 0 keeps running alone: it has no leader, so it cancels the watch (which asked for one) rather
        // than leaving it open and silent; progress notifications until then are fine.
        cluster.Kill(1);
        cluster.Kill(2);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<EtcdUnavailableException>(async () =>
        {
            while (true)
            {
                deadline.Token.ThrowIfCancellationRequested();
                await watch.NextAsync();
            }
        });
    }

    private static int IndexOf(EtcdCluster cluster, Uri endpoint) => cluster.Endpoints.ToList().IndexOf(endpoint);
}
