using System.Net;
using System.Text;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The on-disk IPAM store, byte-compatible with the reference <c>host-local</c> plugin so both
/// can share one store at the same time: <c>&lt;dataDir&gt;/&lt;network&gt;/&lt;ip&gt;</c> files holding
/// <c>&lt;containerID&gt;\r\n&lt;ifname&gt;</c>, <c>last_reserved_ip.&lt;rangeSetIndex&gt;</c> files for the
/// round-robin, and <c>flock(LOCK_EX)</c> on <c>&lt;dataDir&gt;/&lt;network&gt;/lock</c> around every
/// operation. Podnet adds an attachment index (<c>.podnet-index/</c>) so DEL is O(1).
/// See docs/ipam.md.
/// </summary>
public sealed class IpamStore : IDisposable
{
    /// <summary>The reference's default data directory.</summary>
    public const string DefaultDataDirectory = "/var/lib/cni/networks";

    private const string LastReservedPrefix = "last_reserved_ip.";
    private const string StatusProbeName = ".podnet-status-probe";
    private const int MaxAllocationAttempts = 8;

    private readonly StoreLock _lock;
    private readonly AttachmentIndex _index;
    private readonly ScanCertificate _certificate;
    private readonly bool _certificatesTrusted;

    // Valid only while the lock is held: the directory's stamp when the operation began, if the
    // certificate matched it, and whether the index is known to be complete right now.
    private DirectoryStamp? _certifiedStamp;
    private bool _indexComplete;

    private IpamStore(string networkName, string directoryPath, StoreLock storeLock)
    {
        NetworkName = networkName;
        DirectoryPath = directoryPath;
        _lock = storeLock;
        _index = new AttachmentIndex(directoryPath);
        _certificate = new ScanCertificate(_index.DirectoryPath);
        _certificatesTrusted = MultigrainTimestamps.AreGuaranteed(directoryPath);
    }

    /// <summary>The network name (the store's sub-directory).</summary>
    public string NetworkName { get; }

    /// <summary>The network's directory, <c>&lt;dataDir&gt;/&lt;network&gt;</c>.</summary>
    public string DirectoryPath { get; }

    /// <summary>How the last attachment lookup was answered (for tests and diagnostics).</summary>
    internal IpamLookup LastLookup { get; private set; }

    /// <summary>How many full scans of the network directory this instance made (for tests and diagnostics).</summary>
    internal int ScanCount { get; private set; }

    /// <summary>False where timestamps can hide a change (see <see cref="MultigrainTimestamps"/>): every lookup then scans.</summary>
    internal bool CertificatesTrusted => _certificatesTrusted;

    /// <summary>
    /// Opens (creating if needed) the store of a network. The network name must match libcni's
    /// <c>^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$</c> (so it cannot leave the data directory) and the
    /// network directory must not be a symlink.
    /// </summary>
    /// <param name="networkName">The network's <c>name</c>.</param>
    /// <param name="dataDirectory">The <c>ipam.dataDir</c>; null or empty means <see cref="DefaultDataDirectory"/>.</param>
    /// <exception cref="IpamException">Code 7 for an invalid network name, 5 when the directory cannot be used.</exception>
    public static IpamStore Open(string networkName, string? dataDirectory = null)
    {
        if (!CniNames.IsValidNetworkName(networkName) || networkName.Length > 200)
        {
            throw new IpamException(IpamErrorCode.InvalidNetworkConfig, $"invalid network name \"{networkName}\": it must match ^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$");
        }

        string root = Path.GetFullPath(string.IsNullOrEmpty(dataDirectory) ? DefaultDataDirectory : dataDirectory);
        string directory = Path.Combine(root, networkName);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("the IPAM store needs Linux");
            }

            // 0755, as the reference creates it.
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            if (new DirectoryInfo(directory).LinkTarget is not null)
            {
                throw new IpamException(IpamErrorCode.IOFailure, $"IPAM store {directory} is a symlink; refusing to follow it");
            }

            return new IpamStore(networkName, directory, new StoreLock(directory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IpamException(IpamErrorCode.IOFailure, $"cannot open IPAM store {directory}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Allocates one address per range set for the attachment, as the reference's ADD does:
    /// a requested address goes to the range set containing it; otherwise the round-robin walk
    /// starts after <c>last_reserved_ip.&lt;index&gt;</c>. Nothing is written unless every range set
    /// gets an address.
    /// </summary>
    /// <param name="attachment">The owner.</param>
    /// <param name="rangeSets">The validated range sets (<see cref="IpamConfig.CreateRangeSets"/>).</param>
    /// <param name="requestedAddresses">Specific addresses (CNI_ARGS <c>IP</c>, <c>args.cni.ips</c>, <c>runtimeConfig.ips</c>).</param>
    /// <returns>One address per range set, in range set order.</returns>
    /// <exception cref="IpamException">
    /// 101 exhausted, 110 requested address unavailable, 111 the attachment already has an address in a range set, 5 I/O.
    /// </exception>
    public IReadOnlyList<IpamAddress> Allocate(IpamAttachment attachment, IReadOnlyList<IpRangeSet> rangeSets, IReadOnlyList<IPAddress>? requestedAddresses = null)
    {
        ArgumentNullException.ThrowIfNull(rangeSets);
        ValidateAttachment(attachment);
        var requested = new List<IPAddress>();
        foreach (IPAddress address in requestedAddresses ?? [])
        {
            IPAddress canonical = IpAddressValue.Canonicalize(address);
            if (!requested.Contains(canonical))
            {
                requested.Add(canonical);
            }
        }

        return Locked(() =>
        {
            // With every writer honouring the lock the first attempt succeeds; a writer that
            // ignores it only costs another walk (never a duplicate: creation is exclusive).
            for (int attempt = 1; ; attempt++)
            {
                IReadOnlyList<IpamAddress>? addresses = AllocateLocked(attachment, rangeSets, [.. requested]);
                if (addresses is not null)
                {
                    return addresses;
                }

                if (attempt == MaxAllocationAttempts)
                {
                    throw new IpamException(IpamErrorCode.IOFailure, $"addresses kept appearing in {DirectoryPath} while the store lock was held: a writer ignores the lock");
                }
            }
        });
    }

    /// <summary>One allocation attempt under the lock; null if a chosen address appeared meanwhile.</summary>
    private IReadOnlyList<IpamAddress>? AllocateLocked(IpamAttachment attachment, IReadOnlyList<IpRangeSet> rangeSets, List<IPAddress> requested)
    {
        List<IPAddress> held = Locate(attachment);
        var chosen = new List<IpamAddress>(rangeSets.Count);
        try
        {
            for (int index = 0; index < rangeSets.Count; index++)
            {
                IpRangeSet rangeSet = rangeSets[index];
                IPAddress? wanted = requested.Find(rangeSet.Contains);
                if (wanted is not null)
                {
                    requested.Remove(wanted);
                    chosen.Add(TakeRequested(index, rangeSet, wanted));
                }
                else
                {
                    chosen.Add(TakeNext(index, rangeSet, attachment, held));
                }
            }

            if (requested.Count != 0)
            {
                throw new IpamException(IpamErrorCode.RequestedAddressUnavailable, "failed to allocate all requested IPs: " + string.Join(" ", requested.Select(IpAddressText.Format)));
            }
        }
        catch (IpamException)
        {
            // The reference reserves range set by range set and rolls back on failure, but its
            // last_reserved_ip files keep the positions reached; so do these, so the round-robin
            // continues exactly where host-local's would.
            foreach (IpamAddress address in chosen)
            {
                WriteLastReserved(address);
            }

            throw;
        }

        return Commit(attachment, held, chosen) ? chosen : null;
    }

    /// <summary>
    /// Releases every address of the attachment (DEL). Unknown attachments succeed (DEL is
    /// idempotent). O(1) through the index; a scan when the index has no entry (for example an
    /// allocation made by host-local) or a stale one.
    /// </summary>
    /// <returns>The released addresses.</returns>
    public IReadOnlyList<IPAddress> Release(IpamAttachment attachment)
    {
        ValidateAttachment(attachment);
        return Locked(() =>
        {
            List<IPAddress> addresses = Locate(attachment);
            foreach (IPAddress address in addresses)
            {
                StoreFiles.Delete(AddressPath(address));
            }

            _index.Delete(attachment);
            return (IReadOnlyList<IPAddress>)addresses;
        });
    }

    /// <summary>The addresses the store holds for the attachment (CHECK); empty if none.</summary>
    public IReadOnlyList<IPAddress> FindAddresses(IpamAttachment attachment)
    {
        ValidateAttachment(attachment);
        return Locked(() => (IReadOnlyList<IPAddress>)Locate(attachment));
    }

    /// <summary>Every address file of the network, with its owner.</summary>
    public IReadOnlyList<IpamStoredAllocation> ListAllocations() => Locked(() =>
    {
        List<IpamStoredAllocation> all = Scan();
        if (!_indexComplete)
        {
            RebuildIndex(all, always: false);
        }

        return (IReadOnlyList<IpamStoredAllocation>)all;
    });

    /// <summary>
    /// GC: releases every allocation whose attachment is not in <paramref name="validAttachments"/>.
    /// A legacy file (container ID only) is kept while any valid attachment has that container
    /// ID; an unreadable file is kept (its owner is unknown, so releasing it could hand out a
    /// live address twice). Index entries of attachments left without an address are removed.
    /// </summary>
    /// <returns>The released allocations.</returns>
    public IReadOnlyList<IpamStoredAllocation> CollectGarbage(IReadOnlyCollection<IpamAttachment> validAttachments)
    {
        ArgumentNullException.ThrowIfNull(validAttachments);
        var valid = new HashSet<(string, string)>(validAttachments.Select(a => (a.ContainerId, a.InterfaceName)));
        var validContainers = new HashSet<string>(validAttachments.Select(a => a.ContainerId), StringComparer.Ordinal);
        return Locked(() =>
        {
            var released = new List<IpamStoredAllocation>();
            var kept = new List<IpamStoredAllocation>();
            foreach (IpamStoredAllocation allocation in Scan())
            {
                bool keep = allocation.IsUnreadable
                    || (allocation.InterfaceName is null
                        ? validContainers.Contains(allocation.ContainerId!)
                        : valid.Contains((allocation.ContainerId!, allocation.InterfaceName)));
                if (keep)
                {
                    kept.Add(allocation);
                    continue;
                }

                StoreFiles.Delete(AddressPath(allocation.Address));
                released.Add(allocation);
            }

            RebuildIndex(kept, always: true);
            return (IReadOnlyList<IpamStoredAllocation>)released;
        });
    }

    /// <summary>
    /// STATUS: the store must be writable and every range set must have a free address.
    /// </summary>
    /// <exception cref="IpamException">Code 50 (plugin not available) with the reason.</exception>
    public void CheckStatus(IReadOnlyList<IpRangeSet> rangeSets)
    {
        ArgumentNullException.ThrowIfNull(rangeSets);
        try
        {
            Locked(() =>
            {
                string probe = Path.Combine(DirectoryPath, StatusProbeName);
                StoreFiles.Replace(DirectoryPath, probe, "probe"u8);
                StoreFiles.Delete(probe);
                return 0;
            });
        }
        catch (IpamException e)
        {
            throw new IpamException(IpamErrorCode.PluginNotAvailable, $"IPAM store {DirectoryPath} is not writable: {e.Message}", e);
        }

        Locked(() =>
        {
            for (int index = 0; index < rangeSets.Count; index++)
            {
                var walk = new RangeSetWalk(rangeSets[index], null);
                bool free = false;
                while (!free && walk.TryNext(out IpRange range, out UInt128 value))
                {
                    free = !StoreFiles.Exists(AddressPath(IpAddressValue.FromValue(value, range.IsIPv6)));
                }

                if (!free)
                {
                    throw new IpamException(IpamErrorCode.PluginNotAvailable, $"no IP addresses available in range set {index}: {rangeSets[index]}");
                }
            }

            return 0;
        });
    }

    /// <inheritdoc/>
    public void Dispose() => _lock.Dispose();

    private IpamAddress TakeRequested(int index, IpRangeSet rangeSet, IPAddress address)
    {
        IpRange range = rangeSet.RangeFor(address)!;
        string text = IpAddressText.Format(address);
        if (address.Equals(range.Gateway))
        {
            throw new IpamException(IpamErrorCode.RequestedAddressUnavailable, $"failed to allocate for range {index}: requested ip {text} is subnet's gateway");
        }

        if (StoreFiles.Exists(AddressPath(address)))
        {
            throw new IpamException(IpamErrorCode.RequestedAddressUnavailable, $"failed to allocate for range {index}: requested IP address {text} is not available in range set {rangeSet}");
        }

        return new IpamAddress(index, address, range.Subnet.PrefixLength, range.Gateway);
    }

    private IpamAddress TakeNext(int index, IpRangeSet rangeSet, IpamAttachment attachment, List<IPAddress> held)
    {
        // A repeated ADD is an error, as in the reference (the spec forbids duplicate allocation).
        foreach (IPAddress address in held)
        {
            if (rangeSet.Contains(address))
            {
                throw new IpamException(IpamErrorCode.DuplicateAllocation, $"failed to allocate for range {index}: {IpAddressText.Format(address)} has been allocated to {attachment.ContainerId}, duplicate allocation is not allowed");
            }
        }

        var walk = new RangeSetWalk(rangeSet, ReadLastReserved(index));
        while (walk.TryNext(out IpRange range, out UInt128 value))
        {
            IPAddress candidate = IpAddressValue.FromValue(value, range.IsIPv6);
            if (!StoreFiles.Exists(AddressPath(candidate)))
            {
                return new IpamAddress(index, candidate, range.Subnet.PrefixLength, range.Gateway);
            }
        }

        throw new IpamException(IpamErrorCode.AddressesExhausted, $"failed to allocate for range {index}: no IP addresses available in range set: {rangeSet}");
    }

    private bool Commit(IpamAttachment attachment, List<IPAddress> held, List<IpamAddress> chosen)
    {
        // The index entry is written first: after a crash it may list an address that was never
        // created (harmless, entries are verified), but never miss one that was.
        _index.Write(attachment, [.. held, .. chosen.Select(c => c.Address)]);
        byte[] content = AllocationFile.Content(attachment);
        var created = new List<IPAddress>(chosen.Count);
        try
        {
            foreach (IpamAddress address in chosen)
            {
                if (!StoreFiles.CreateExclusive(DirectoryPath, AddressPath(address.Address), content))
                {
                    // Someone wrote without the lock: the index can no longer be trusted.
                    Rollback(attachment, held, created);
                    _indexComplete = false;
                    _certificate.Revoke();
                    return false;
                }

                created.Add(address.Address);
                WriteLastReserved(address);
            }
        }
        catch
        {
            Rollback(attachment, held, created);
            throw;
        }

        return true;
    }

    private void Rollback(IpamAttachment attachment, List<IPAddress> held, List<IPAddress> created)
    {
        foreach (IPAddress address in created)
        {
            StoreFiles.Delete(AddressPath(address));
        }

        _index.Write(attachment, held);
    }

    /// <summary>
    /// The attachment's addresses. While the index is complete (the certificate matches the
    /// directory) its entry is the whole truth: no entry means no address. Otherwise one full
    /// scan, as the reference does, which also rebuilds the index and lets it be certified.
    /// </summary>
    private List<IPAddress> Locate(IpamAttachment attachment)
    {
        if (_indexComplete)
        {
            List<IPAddress>? indexed = _index.TryRead(attachment, out bool damaged);
            if (!damaged && indexed is null)
            {
                LastLookup = IpamLookup.Index;
                return [];
            }

            // The listed files are still read: one that is missing or not the attachment's (a
            // crash between writing the entry and its files, or a damaged index) means the index
            // is not the truth after all, so fall back to the scan.
            if (!damaged && indexed!.TrueForAll(address => AllocationFile.Read(AddressPath(address), address) is { } stored && IsOwnedBy(stored, attachment)))
            {
                LastLookup = IpamLookup.Index;
                return indexed;
            }
        }

        // No certificate, a foreign change since, or a damaged or wrong entry: do what the
        // reference does — exact owner matches, else legacy container-ID-only files.
        LastLookup = IpamLookup.Scan;
        List<IpamStoredAllocation> all = Scan();
        RebuildIndex(all, always: false);
        List<IPAddress> found = [.. all.Where(a => IsOwnedBy(a, attachment)).Select(a => a.Address)];
        if (found.Count == 0)
        {
            found = [.. all.Where(a => a.ContainerId == attachment.ContainerId && a.InterfaceName is null).Select(a => a.Address)];
        }

        return found;
    }

    /// <summary>
    /// Makes the index match a full scan taken under the lock, so the certificate written at the
    /// end of the operation can vouch for it. A store holding legacy files (container ID only,
    /// no interface) is left uncertified: those are looked up by container ID, which the index
    /// cannot answer, so such a store keeps scanning. Where certificates are not trusted the
    /// index is unused by lookups and only GC (<paramref name="always"/>) tidies it.
    /// </summary>
    private void RebuildIndex(List<IpamStoredAllocation> all, bool always)
    {
        if (!_certificatesTrusted && !always)
        {
            return;
        }

        var truth = new Dictionary<IpamAttachment, List<IPAddress>>();
        bool legacy = false;
        foreach (IpamStoredAllocation allocation in all)
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

        _index.Rebuild(truth);
        _indexComplete = _certificatesTrusted && !legacy;
        if (!_indexComplete)
        {
            _certificate.Revoke();
        }
    }

    /// <summary>Reads every address file (names that are canonical addresses) and removes crash leftovers.</summary>
    private List<IpamStoredAllocation> Scan()
    {
        ScanCount++;
        var allocations = new List<IpamStoredAllocation>();
        foreach (string path in Directory.EnumerateFiles(DirectoryPath))
        {
            string name = Path.GetFileName(path);
            if (name.StartsWith(StoreFiles.TemporaryPrefix, StringComparison.Ordinal))
            {
                // Temporary files exist only while their writer holds the lock we hold now.
                StoreFiles.Delete(path);
                continue;
            }

            if (!IpAddressText.TryParse(name, out IPAddress? address) || IpAddressText.Format(address) != name)
            {
                continue;
            }

            IpamStoredAllocation? allocation = AllocationFile.Read(path, address);
            if (allocation is not null)
            {
                allocations.Add(allocation);
            }
        }

        return allocations;
    }

    private void WriteLastReserved(IpamAddress address) =>
        StoreFiles.Overwrite(LastReservedPath(address.RangeSetIndex), Encoding.ASCII.GetBytes(IpAddressText.Format(address.Address)));

    private string LastReservedPath(int rangeSetIndex) =>
        Path.Combine(DirectoryPath, LastReservedPrefix + rangeSetIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private IPAddress? ReadLastReserved(int index)
    {
        // As in the reference, an unreadable or garbled file only costs the round-robin position.
        try
        {
            byte[]? content = StoreFiles.ReadSmall(LastReservedPath(index), 64);
            return content is not null && IpAddressText.TryParse(Encoding.ASCII.GetString(content), out IPAddress? address) ? address : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string AddressPath(IPAddress address) => Path.Combine(DirectoryPath, IpAddressText.Format(address));

    private T Locked<T>(Func<T> operation)
    {
        try
        {
            using StoreLock.Held held = _lock.Acquire();
            _certifiedStamp = null;
            _indexComplete = false;
            if (_certificatesTrusted)
            {
                DirectoryStamp? stamp = DirectoryStamp.Of(DirectoryPath);
                if (stamp is not null && _certificate.Holds(stamp.Value))
                {
                    _certifiedStamp = stamp;
                    _indexComplete = true;
                }
            }

            bool consistent = false;
            try
            {
                T result = operation();
                consistent = true;
                return result;
            }
            catch (IpamException)
            {
                // Refusals (exhaustion, duplicates, unavailable requests) leave the store consistent.
                consistent = true;
                throw;
            }
            finally
            {
                FinishCertificate(consistent);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IpamException(IpamErrorCode.IOFailure, $"IPAM store {DirectoryPath}: {e.Message}", e);
        }
    }

    /// <summary>
    /// End of an operation, still under the lock: if the index is complete, certify the
    /// directory as it is now, so podnet's own writes do not invalidate the certificate. After
    /// an unexpected failure the certificate is revoked (the next operation scans).
    /// </summary>
    private void FinishCertificate(bool consistent)
    {
        try
        {
            if (!consistent || !_indexComplete)
            {
                if (_certifiedStamp is not null || !consistent)
                {
                    _certificate.Revoke();
                }

                return;
            }

            // This statx also marks the timestamps as observed: with multigrain timestamps the
            // next change, by anyone, gets a new one.
            DirectoryStamp? now = DirectoryStamp.Of(DirectoryPath);
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
            _indexComplete = false;
            _certifiedStamp = null;
        }
    }

    private static bool IsOwnedBy(IpamStoredAllocation allocation, IpamAttachment attachment) =>
        allocation.ContainerId == attachment.ContainerId && allocation.InterfaceName == attachment.InterfaceName;

    private static void ValidateAttachment(IpamAttachment attachment)
    {
        if (attachment.ContainerId is null)
        {
            throw new IpamException(IpamErrorCode.InvalidEnvironment, "the attachment has no container ID");
        }
    }
}
