namespace Podnet.Testing.Etcd;

/// <summary>How an <see cref="EtcdCluster"/> runs its members. The defaults suit tests: fast elections, no auto-compaction.</summary>
internal sealed class EtcdClusterOptions
{
    /// <summary>Raft heartbeat (<c>--heartbeat-interval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Raft election timeout (<c>--election-timeout</c>); a killed leader is replaced after about this long.</summary>
    public TimeSpan ElectionTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Revisions to keep with revision-mode auto-compaction; <see langword="null"/> (default) leaves it off.</summary>
    public long? AutoCompactionRevisions { get; init; }

    /// <summary>How often members send progress notifications to watches that asked for them.</summary>
    public TimeSpan WatchProgressNotifyInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long starting (or restarting) may take until every running member follows one leader.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Server certificate and key (PEM) for <c>https://</c> client URLs; <see langword="null"/> serves plain http.</summary>
    public (string CertFile, string KeyFile)? ServerCertificate { get; init; }

    /// <summary>CA (PEM) that client certificates must chain to (<c>--client-cert-auth</c>); needs <see cref="ServerCertificate"/>.</summary>
    public string? ClientCaFile { get; init; }

    /// <summary>CA (PEM) the fixture's own client trusts for the servers' certificates.</summary>
    public string? ServerCaFile { get; init; }

    /// <summary>Client certificate and key (PEM) the fixture's own client presents.</summary>
    public (string CertFile, string KeyFile)? ClientCertificate { get; init; }
}
