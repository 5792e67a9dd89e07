using Podnet.Testing.Etcd;

namespace Podnet.Etcd.Tests.Support;

/// <summary>One three-member cluster on loopback, shared by the tests of a class (each test works under its own prefix).</summary>
public sealed class LoopbackEtcd : IAsyncLifetime
{
    private EtcdCluster? _cluster;

    internal EtcdCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not started");

    /// <summary>A key prefix no other test uses.</summary>
    public static string UniquePrefix() => $"/podnet-test/{Guid.NewGuid():N}/";

    public async ValueTask InitializeAsync() => _cluster = await EtcdCluster.StartOnLoopbackAsync(3);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
