using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The one optimisation over host-local: what <see cref="IpamStore"/> consults before finding an attachment's addresses
/// the way host-local does, by reading every allocation. <see cref="NoAttachmentIndex"/> never answers (every lookup
/// scans, exactly like host-local); <see cref="CertifiedAttachmentIndex"/> is podnet's attachment index, trusted while a
/// scan certificate matches the network directory. The store calls every member with its lock held, and
/// <see cref="Begin"/> and <see cref="End"/> around every operation.
/// </summary>
internal interface IAttachmentIndex
{
    /// <summary>True while the index is known to list every allocation of the store (so a scan would not add to it).</summary>
    bool IsComplete { get; }

    /// <summary>Start of an operation: decides whether the index may answer lookups during it.</summary>
    void Begin();

    /// <summary>
    /// The attachment's addresses, if the index can answer for certain; null means "scan".
    /// <paramref name="read"/> reads an address's allocation, so the answer can be checked against the store.
    /// </summary>
    List<IPAddress>? TryFind(IpamAttachment attachment, Func<IPAddress, IpamStoredAllocation?> read);

    /// <summary>Makes the index match <paramref name="scan"/>, every allocation of the store as it is now.</summary>
    void Rebuild(IReadOnlyList<IpamStoredAllocation> scan);

    /// <summary>The attachment holds exactly these addresses (empty: none), or is about to.</summary>
    void Record(IpamAttachment attachment, IReadOnlyCollection<IPAddress> addresses);

    /// <summary>An allocation appeared without the lock: the index is not the truth any more.</summary>
    void Invalidate();

    /// <summary>End of an operation; <paramref name="consistent"/> is false after an unexpected failure.</summary>
    void End(bool consistent);
}

/// <summary>host-local's behaviour: no index, every lookup scans.</summary>
internal sealed class NoAttachmentIndex : IAttachmentIndex
{
    public static readonly NoAttachmentIndex Instance = new();

    private NoAttachmentIndex()
    {
    }

    public bool IsComplete => false;

    public void Begin()
    {
    }

    public List<IPAddress>? TryFind(IpamAttachment attachment, Func<IPAddress, IpamStoredAllocation?> read) => null;

    public void Rebuild(IReadOnlyList<IpamStoredAllocation> scan)
    {
    }

    public void Record(IpamAttachment attachment, IReadOnlyCollection<IPAddress> addresses)
    {
    }

    public void Invalidate()
    {
    }

    public void End(bool consistent)
    {
    }
}
