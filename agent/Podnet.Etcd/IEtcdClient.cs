namespace Podnet.Etcd;

/// <summary>
/// The part of the etcd v3 API that podnetd uses: ranges over a prefix, create-if-absent and compare-and-swap
/// transactions, leases and a prefix watch. Every call fails over across the configured endpoints; a call that no
/// endpoint answers throws <see cref="EtcdUnavailableException"/>.
/// </summary>
public interface IEtcdClient : IAsyncDisposable
{
    /// <summary>Every key under <paramref name="prefix"/>, with the store revision the read was served at.</summary>
    Task<EtcdRange> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>One key, or <see langword="null"/> when it does not exist.</summary>
    Task<EtcdKeyValue?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Puts <paramref name="key"/> only if it does not exist (compare <c>create_revision == 0</c>). Returns whether it was written.</summary>
    Task<bool> CreateAsync(string key, ReadOnlyMemory<byte> value, long leaseId = 0, CancellationToken cancellationToken = default);

    /// <summary>Puts <paramref name="key"/> only if its <c>mod_revision</c> still is <paramref name="modRevision"/>. Returns whether it was written.</summary>
    Task<bool> ReplaceAsync(string key, ReadOnlyMemory<byte> value, long modRevision, long leaseId = 0, CancellationToken cancellationToken = default);

    /// <summary>Puts <paramref name="key"/> unconditionally; returns the revision of the write.</summary>
    Task<long> PutAsync(string key, ReadOnlyMemory<byte> value, long leaseId = 0, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="key"/>; returns whether it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="key"/> only if its <c>mod_revision</c> still is <paramref name="modRevision"/>.</summary>
    Task<bool> DeleteIfAsync(string key, long modRevision, CancellationToken cancellationToken = default);

    /// <summary>Grants a lease of <paramref name="ttl"/> (whole seconds, at least 1).</summary>
    Task<EtcdLease> GrantLeaseAsync(TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Renews a lease once; returns its new TTL, or <see langword="null"/> when the lease no longer exists.</summary>
    Task<TimeSpan?> KeepAliveAsync(long leaseId, CancellationToken cancellationToken = default);

    /// <summary>The time a lease has left, or <see langword="null"/> when it no longer exists.</summary>
    Task<TimeSpan?> TimeToLiveAsync(long leaseId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a lease, deleting every key attached to it. A lease that does not exist is not an error.</summary>
    Task RevokeLeaseAsync(long leaseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Watches every key under <paramref name="prefix"/> from <paramref name="startRevision"/> (inclusive), yielding one
    /// batch per watch response. Throws <see cref="EtcdCompactedException"/> when that revision has been compacted
    /// (the caller re-lists), and <see cref="EtcdUnavailableException"/> when the stream breaks and no endpoint takes
    /// it back (the caller retries with backoff from the last revision it saw + 1). Progress notifications are
    /// yielded as batches with no events, so the caller's revision keeps up.
    /// </summary>
    IAsyncEnumerable<EtcdWatchBatch> WatchPrefixAsync(string prefix, long startRevision, CancellationToken cancellationToken = default);
}

/// <summary>A key and its metadata as etcd stores it.</summary>
public sealed record EtcdKeyValue(string Key, byte[] Value, long CreateRevision, long ModRevision, long Version, long LeaseId);

/// <summary>The keys of a range read and the store revision it was served at.</summary>
public sealed record EtcdRange(IReadOnlyList<EtcdKeyValue> Items, long Revision);

/// <summary>A granted lease.</summary>
public sealed record EtcdLease(long Id, TimeSpan Ttl);

/// <summary>What happened to a key.</summary>
public enum EtcdEventType
{
    /// <summary>The key was created or changed.</summary>
    Put,

    /// <summary>The key was deleted (including by its lease expiring or being revoked).</summary>
    Delete,
}

/// <summary>One change of one key. For a delete, <see cref="EtcdKeyValue.Value"/> is empty and <see cref="EtcdKeyValue.ModRevision"/> is the delete's revision.</summary>
public sealed record EtcdEvent(EtcdEventType Type, EtcdKeyValue Item);

/// <summary>
/// The events of one watch response, and the revision up to which every change has been delivered: the last event's
/// revision, or for a progress notification (no events) the store revision it was sent at. Resume from it + 1.
/// </summary>
public sealed record EtcdWatchBatch(long Revision, IReadOnlyList<EtcdEvent> Events);

/// <summary>A failure reported by etcd or on the way to it.</summary>
public class EtcdException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EtcdException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>No configured endpoint answered (all down, refused or timed out).</summary>
public sealed class EtcdUnavailableException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    public EtcdUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A watch asked for a revision that etcd has compacted away; re-list and watch from the new revision.</summary>
public sealed class EtcdCompactedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    public EtcdCompactedException(long compactRevision)
        : base($"revision compacted (oldest available revision is {compactRevision})") => CompactRevision = compactRevision;

    /// <summary>The oldest revision etcd still has.</summary>
    public long CompactRevision { get; }
}
