using System.Text;
using Podnet.Etcd.Tests.Support;

namespace Podnet.Etcd.Tests;

/// <summary>Reads, writes and conditional writes against a real three-member cluster.</summary>
[Kernel]
public sealed class KeyValueTests(LoopbackEtcd etcd) : IClassFixture<LoopbackEtcd>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_get_and_prefix_range_return_keys_values_and_revisions()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        long r1 = await client.PutAsync(prefix + "10.244.2.0-24", "b"u8.ToArray(), cancellationToken: Ct);
        long r2 = await client.PutAsync(prefix + "10.244.1.0-24", "a"u8.ToArray(), cancellationToken: Ct);
        long r3 = await client.PutAsync(prefix + "10.244.1.0-24", "a2"u8.ToArray(), cancellationToken: Ct);
        await client.PutAsync(prefix.TrimEnd('/') + "0/outside", "x"u8.ToArray(), cancellationToken: Ct);
        Assert.True(r1 < r2 && r2 < r3, $"{r1} {r2} {r3}");

        EtcdRange range = await client.GetPrefixAsync(prefix, Ct);
        Assert.True(range.Revision > r3);
        Assert.Equal([prefix + "10.244.1.0-24", prefix + "10.244.2.0-24"], range.Items.Select(i => i.Key));
        EtcdKeyValue first = range.Items[0];
        Assert.Equal("a2", Encoding.UTF8.GetString(first.Value));
        Assert.Equal((r2, r3, 2L, 0L), (first.CreateRevision, first.ModRevision, first.Version, first.LeaseId));

        EtcdKeyValue? one = await client.GetAsync(prefix + "10.244.2.0-24", Ct);
        Assert.NotNull(one);
        Assert.Equal(("b", r1, r1, 1L), (Encoding.UTF8.GetString(one.Value), one.CreateRevision, one.ModRevision, one.Version));
        Assert.Null(await client.GetAsync(prefix + "missing", Ct));
        Assert.Empty((await client.GetPrefixAsync(prefix + "missing/", Ct)).Items);
    }

    [Fact]
    public async Task Of_20_concurrent_creates_of_one_key_exactly_one_wins()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string key = LoopbackEtcd.UniquePrefix() + "10.244.7.0-24";
        bool[] won = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => client.CreateAsync(key, Encoding.UTF8.GetBytes("node" + i), cancellationToken: Ct), Ct)));

        Assert.Single(won, w => w);
        EtcdKeyValue? stored = await client.GetAsync(key, Ct);
        Assert.NotNull(stored);
        Assert.Equal("node" + Array.IndexOf(won, true), Encoding.UTF8.GetString(stored.Value));
        Assert.Equal(1, stored.Version);
        Assert.False(await client.CreateAsync(key, "late"u8.ToArray(), cancellationToken: Ct));
    }

    [Fact]
    public async Task Replace_writes_only_at_the_expected_mod_revision()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string key = LoopbackEtcd.UniquePrefix() + "config";
        Assert.False(await client.ReplaceAsync(key, "v0"u8.ToArray(), modRevision: 1, cancellationToken: Ct));
        Assert.True(await client.CreateAsync(key, "v1"u8.ToArray(), cancellationToken: Ct));
        EtcdKeyValue v1 = (await client.GetAsync(key, Ct))!;

        Assert.True(await client.ReplaceAsync(key, "v2"u8.ToArray(), v1.ModRevision, cancellationToken: Ct));
        Assert.False(await client.ReplaceAsync(key, "stale"u8.ToArray(), v1.ModRevision, cancellationToken: Ct));
        EtcdKeyValue v2 = (await client.GetAsync(key, Ct))!;
        Assert.Equal(("v2", 2L), (Encoding.UTF8.GetString(v2.Value), v2.Version));
        Assert.True(v2.ModRevision > v1.ModRevision);
    }

    [Fact]
    public async Task Delete_and_conditional_delete_report_whether_they_deleted()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        await client.PutAsync(prefix + "a", "1"u8.ToArray(), cancellationToken: Ct);
        Assert.True(await client.DeleteAsync(prefix + "a", Ct));
        Assert.False(await client.DeleteAsync(prefix + "a", Ct));
        Assert.Null(await client.GetAsync(prefix + "a", Ct));

        long written = await client.PutAsync(prefix + "b", "1"u8.ToArray(), cancellationToken: Ct);
        Assert.False(await client.DeleteIfAsync(prefix + "b", written - 1, Ct));
        Assert.NotNull(await client.GetAsync(prefix + "b", Ct));
        Assert.True(await client.DeleteIfAsync(prefix + "b", written, Ct));
        Assert.Null(await client.GetAsync(prefix + "b", Ct));
    }

    [Fact]
    public async Task A_prefix_of_5000_subnets_lists_in_one_call()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        string prefix = LoopbackEtcd.UniquePrefix();
        byte[] value = Encoding.UTF8.GetBytes("{\"PublicIP\":\"192.168.1.11\",\"PublicIPv6\":null,\"BackendType\":\"host-gw\",\"BackendData\":null,\"padding\":\"" + new string('x', 120) + "\"}");
        string Key(int i) => $"{prefix}10.{i / 256}.{i % 256}.0-24";
        await Parallel.ForEachAsync(Enumerable.Range(0, 5000), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Ct },
            async (i, token) => await client.PutAsync(Key(i), value, cancellationToken: token));

        EtcdRange range = await client.GetPrefixAsync(prefix, Ct);
        Assert.Equal(5000, range.Items.Count);
        Assert.Equal(Enumerable.Range(0, 5000).Select(Key).Order(StringComparer.Ordinal), range.Items.Select(i => i.Key));
        Assert.All(range.Items, i => Assert.Equal(value, i.Value));
    }

    [Fact]
    public async Task Etcd_errors_surface_with_their_grpc_code()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        long revision = await client.PutAsync(LoopbackEtcd.UniquePrefix() + "k", "v"u8.ToArray(), cancellationToken: Ct);
        EtcdServerException e = await Assert.ThrowsAsync<EtcdServerException>(() => client.CompactAsync(revision + 1_000_000, Ct));
        Assert.Equal(11, e.Code); // out of range: a future revision
        Assert.Contains("future revision", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canceled_token_cancels_calls()
    {
        await using EtcdClient client = etcd.Cluster.CreateClient();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("/k", canceled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PutAsync("/k", "v"u8.ToArray(), cancellationToken: canceled.Token));
    }
}
