using System.Diagnostics;
using System.Text;
using Podnet.Etcd.Tests.Support;
using Podnet.Testing.Etcd;

namespace Podnet.Etcd.Tests;

/// <summary>Members dying under the client: each test has its own cluster.</summary>
[Kernel]
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
            var clock = Stopwatch.StartNew();
            Assert.Equal("1", Encoding.UTF8.GetString((await client.GetAsync("/p/a", Ct))!.Value));
            Assert.True(used != IndexOf(cluster, client.CurrentEndpoint), $"answered by the paused member {used} after {clock.Elapsed}");
        }
        finally
        {
            cluster.Resume(used);
        }
    }

    [Fact]
    public async Task An_endpoint_that_never_completes_the_connect_is_left_after_the_dial_timeout()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(1, cancellationToken: Ct);

        // 10.99.0.2 sits behind a veth whose peer drops everything (the frames are for a MAC nobody has), so SYNs
        // vanish and connecting hangs.
        string ns = Path.GetFileName(cluster.NetnsPath!);
        await Ip.RunAsync("-n", ns, "link", "add", "pn-hole", "type", "veth", "peer", "name", "pn-hole-peer");
        await Ip.RunAsync("-n", ns, "addr", "add", "10.99.0.1/24", "dev", "pn-hole");
        await Ip.RunAsync("-n", ns, "link", "set", "pn-hole", "up");
        await Ip.RunAsync("-n", ns, "link", "set", "pn-hole-peer", "up");
        await Ip.RunAsync("-n", ns, "neigh", "add", "10.99.0.2", "lladdr", "02:00:00:00:99:02", "dev", "pn-hole", "nud", "permanent");

        await using EtcdClient client = EtcdClient.Create(new EtcdClientOptions
        {
            Endpoints = [new Uri("http://10.99.0.2:2379"), cluster.Endpoints[0]],
            RequestTimeout = TimeSpan.FromMinutes(5),
            DialTimeout = TimeSpan.FromSeconds(1),
            ConnectCallback = EtcdCluster.ConnectInNamespace(cluster.NetnsPath!),
        });
        await client.PutAsync("/h/a", "1"u8.ToArray(), cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(cluster.Endpoints[0], client.CurrentEndpoint);
    }

    [Fact]
    public async Task A_conditional_write_whose_answer_was_lost_reports_what_it_did_after_the_retry()
    {
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(3, cancellationToken: Ct);
        await using EtcdClient other = cluster.CreateClient();
        await other.PutAsync("/a/taken", "other"u8.ToArray(), cancellationToken: Ct);

        // Member 0 receives and applies every request but its answers never arrive; each client starts there and
        // resends to member 1 after the timeout.
        Func<System.Net.DnsEndPoint, CancellationToken, ValueTask<Stream>> connect = EtcdCluster.ConnectInNamespace(cluster.NetnsPath!);
        EtcdClient Client() => EtcdClient.Create(new EtcdClientOptions
        {
            Endpoints = cluster.Endpoints,
            RequestTimeout = TimeSpan.FromSeconds(2),
            ConnectCallback = async (endpoint, token) =>
            {
                Stream stream = await connect(endpoint, token);
                return endpoint.Port == cluster.Endpoints[0].Port ? new SilentReadStream(stream) : stream;
            },
        });
        EtcdLease lease = await other.GrantLeaseAsync(TimeSpan.FromSeconds(60), Ct);

        await using (EtcdClient client = Client())
        {
            Assert.True(await client.CreateAsync("/a/mine", "me"u8.ToArray(), lease.Id, Ct));
            Assert.Equal(cluster.Endpoints[1], client.CurrentEndpoint);
        }

        EtcdKeyValue mine = (await other.GetAsync("/a/mine", Ct))!;
        Assert.Equal(("me", lease.Id, 1L), (Encoding.UTF8.GetString(mine.Value), mine.LeaseId, mine.Version));
        await using (EtcdClient client = Client())
        {
            Assert.True(await client.ReplaceAsync("/a/mine", "me2"u8.ToArray(), mine.ModRevision, lease.Id, Ct));
        }

        EtcdKeyValue replaced = (await other.GetAsync("/a/mine", Ct))!;
        Assert.Equal(("me2", 2L), (Encoding.UTF8.GetString(replaced.Value), replaced.Version));

        // Someone else's key stays theirs, resent or not.
        await using (EtcdClient client = Client())
        {
            Assert.False(await client.CreateAsync("/a/taken", "me"u8.ToArray(), cancellationToken: Ct));
        }

        Assert.Equal("other", Encoding.UTF8.GetString((await other.GetAsync("/a/taken", Ct))!.Value));
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
