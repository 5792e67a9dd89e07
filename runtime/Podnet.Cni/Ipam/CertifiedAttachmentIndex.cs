using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// Podnet's attachment index (<see cref="AttachmentIndexEntries"/>, <c>.podnet-index/</c>) with its
/// <see cref="ScanCertificate"/>: while the certificate matches the network directory's <see cref="DirectoryStamp"/>,
/// nobody created, removed or renamed a file since podnet last made the index complete, so ADD's duplicate check,
/// CHECK and DEL read one entry instead of every address file. Anything else (no certificate, a foreign change, a
/// damaged or lying entry) makes the store scan, which rebuilds the index. Only used where
/// <see cref="MultigrainTimestamps.AreGuaranteed"/>: elsewhere two changes in one clock tick could share a stamp.
/// See docs/ipam.md.
/// </summary>
internal sealed class CertifiedAttachmentIndex : IAttachmentIndex
{
    private readonly string _networkDirectory;
    private readonly AttachmentIndexEntries _entries;
    private readonly ScanCertificate _certificate;

    // Valid only during an operation: the directory's stamp when it began, if the certificate
    // matched it, and whether the index is known to be complete right now.
    private DirectoryStamp? _certifiedStamp;
    private bool _complete;

    public CertifiedAttachmentIndex(string networkDirectory)
    {
        _networkDirectory = networkDirectory;
        _entries = new AttachmentIndexEntries(networkDirectory);
        _certificate = new ScanCertificate(_entries.DirectoryPath);
    }

    public bool IsComplete => _complete;

    /// <summary>The index is complete for this operation if the certificate holds the directory's current stamp.</summary>
    public void Begin()
    {
        _certifiedStamp = null;
        _complete = false;
        DirectoryStamp? stamp = DirectoryStamp.Of(_networkDirectory);
        if (stamp is not null && _certificate.Holds(stamp.Value))
        {
            _certifiedStamp = stamp;
            _complete = true;
        }
    }

    /// <summary>
    /// While the index is complete its entry is the whole truth: no entry means no address. The listed allocations are
    /// still read: one that is missing or not the attachment's (a crash between writing the entry and its files, or a
    /// damaged index) means the index is not the truth after all, and the store scans.
    /// </summary>
    public List<IPAddress>? TryFind(IpamAttachment attachment, Func<IPAddress, IpamStoredAllocation?> read)
    {
        if (!_complete)
        {
            return null;
        }

        List<IPAddress>? indexed = _entries.TryRead(attachment, out bool damaged);
        if (damaged)
        {
            return null;
        }

        if (indexed is null)
        {
            return [];
        }

        return indexed.TrueForAll(address => read(address) is { } stored && stored.IsHeldBy(attachment)) ? indexed : null;
    }

    /// <summary>
    /// Makes the entries match a full scan, so the certificate written at the end of the operation can vouch for them.
    /// A store holding legacy files (container ID only, no interface) is left uncertified: those are looked up by
    /// container ID, which the index cannot answer, so such a store keeps scanning.
    /// </summary>
    public void Rebuild(IReadOnlyList<IpamStoredAllocation> scan)
    {
        var truth = new Dictionary<IpamAttachment, List<IPAddress>>();
        bool legacy = false;
        foreach (IpamStoredAllocation allocation in scan)
        {
            if (allocation.IsUnreadable)
            {
                // Owner unknown: no lookup can ever return it, GC keeps it.
                continue;
            }

            if (allocation.InterfaceName is null)
            {
                legacy = true;
                continue;
            }

            if (CniNames.IsValidContainerId(allocation.ContainerId) && CniNames.IsValidInterfaceName(allocation.InterfaceName))
            {
                var owner = new IpamAttachment(allocation.ContainerId, allocation.InterfaceName);
                if (!truth.TryGetValue(owner, out List<IPAddress>? addresses))
                {
                    truth[owner] = addresses = [];
                }

                addresses.Add(allocation.Address);
            }
        }

        foreach (List<IPAddress> addresses in truth.Values)
        {
            // IPv4 first, then by value: the order the range sets usually have.
            addresses.Sort(static (a, b) => a.AddressFamily != b.AddressFamily
                ? a.AddressFamily.CompareTo(b.AddressFamily)
                : IpAddressValue.ToValue(a).CompareTo(IpAddressValue.ToValue(b)));
        }

        _entries.Rebuild(truth);
        _complete = !legacy;
        if (!_complete)
        {
            _certificate.Revoke();
        }
    }

    /// <summary>Written before the address files: after a crash an entry may list an address never created (harmless, entries are verified), but never miss one that was.</summary>
    public void Record(IpamAttachment attachment, IReadOnlyCollection<IPAddress> addresses) => _entries.Write(attachment, addresses);

    public void Invalidate()
    {
        _complete = false;
        _certificate.Revoke();
    }

    /// <summary>
    /// If the index is complete, certify the directory as it is now, so podnet's own writes do not invalidate the
    /// certificate. After an unexpected failure the certificate is revoked (the next operation scans).
    /// </summary>
    public void End(bool consistent)
    {
        try
        {
            if (!consistent || !_complete)
            {
                if (_certifiedStamp is not null || !consistent)
                {
                    _certificate.Revoke();
                }

                return;
            }

            // This statx also marks the timestamps as observed: with multigrain timestamps the
            // next change, by anyone, gets a new one.
            DirectoryStamp? now = DirectoryStamp.Of(_networkDirectory);
            if (now is null)
            {
                _certificate.Revoke();
            }
            else if (now != _certifiedStamp)
            {
                _certificate.Write(now.Value);
            }
        }
        catch (IOException)
        {
            _certificate.Revoke();
        }
        finally
        {
            _complete = false;
            _certifiedStamp = null;
        }
    }
}
