using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The IPAM store of one network, with the reference <c>host-local</c> plugin's semantics over its on-disk store, so
/// both can share one store at the same time: <c>&lt;dataDir&gt;/&lt;network&gt;/&lt;ip&gt;</c> files holding
/// <c>&lt;containerID&gt;\r\n&lt;ifname&gt;</c>, <c>last_reserved_ip.&lt;rangeSetIndex&gt;</c> files for the
/// round-robin, and <c>flock(LOCK_EX)</c> on <c>&lt;dataDir&gt;/&lt;network&gt;/lock</c> around every operation
/// (<see cref="DirectoryAllocationStore"/>). Finding an attachment's addresses is host-local's scan of every address
/// file; the attachment index (<see cref="IAttachmentIndex"/>) is consulted first and only saves that scan.
/// See docs/ipam.md.
/// </summary>
public sealed class IpamStore : IDisposable
{
    /// <summary>The reference's default data directory.</summary>
    public const string DefaultDataDirectory = "/var/lib/cni/networks";

    private const int MaxAllocationAttempts = 8;

    private readonly IAllocationStore _allocations;
    private readonly IAttachmentIndex _index;

    /// <summary>A store over any allocation store and index (unit tests use an in-memory store).</summary>
    internal IpamStore(string networkName, IAllocationStore allocations, IAttachmentIndex index)
    {
        NetworkName = networkName;
        DirectoryPath = allocations.Location;
        _allocations = allocations;
        _index = index;
    }

    /// <summary>The network name (the store's sub-directory).</summary>
    public string NetworkName { get; }

    /// <summary>The network's directory, <c>&lt;dataDir&gt;/&lt;network&gt;</c>.</summary>
    public string DirectoryPath { get; }

    /// <summary>How the last attachment lookup was answered (for tests and diagnostics).</summary>
    internal IpamLookup LastLookup { get; private set; }

    /// <summary>How many full scans of the allocations this instance made (for tests and diagnostics).</summary>
    internal int ScanCount { get; private set; }

    /// <summary>False where timestamps can hide a change (see <see cref="MultigrainTimestamps"/>): every lookup then scans.</summary>
    internal bool CertificatesTrusted => _index is CertifiedAttachmentIndex;

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

        // Stryker disable once all : a mutant of this line points the tests' stores at the machine's own /var/lib/cni.
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

            IAttachmentIndex index = MultigrainTimestamps.AreGuaranteed(directory)
                ? new CertifiedAttachmentIndex(directory)
                : NoAttachmentIndex.Instance;
            return new IpamStore(networkName, new DirectoryAllocationStore(directory), index);
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

    /// <summary>
    /// Releases every address of the attachment (DEL). Unknown attachments succeed (DEL is
    /// idempotent). Through the index when it can answer; otherwise a scan, as the reference does.
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
                _allocations.Remove(address);
            }

            _index.Record(attachment, []);
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
        if (!_index.IsComplete)
        {
            _index.Rebuild(all);
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

                _allocations.Remove(allocation.Address);
                released.Add(allocation);
            }

            _index.Rebuild(kept);
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
                _allocations.ProbeWritable();
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
                    free = !_allocations.IsTaken(IpAddressValue.FromValue(value, range.IsIPv6));
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
    public void Dispose() => _allocations.Dispose();

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
                _allocations.WriteLastReserved(address.RangeSetIndex, address.Address);
            }

            throw;
        }

        return Commit(attachment, held, chosen) ? chosen : null;
    }

    private IpamAddress TakeRequested(int index, IpRangeSet rangeSet, IPAddress address)
    {
        IpRange range = rangeSet.RangeFor(address)!;
        string text = IpAddressText.Format(address);
        if (address.Equals(range.Gateway))
        {
            throw new IpamException(IpamErrorCode.RequestedAddressUnavailable, $"failed to allocate for range {index}: requested ip {text} is subnet's gateway");
        }

        if (_allocations.IsTaken(address))
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

        var walk = new RangeSetWalk(rangeSet, _allocations.ReadLastReserved(index));
        while (walk.TryNext(out IpRange range, out UInt128 value))
        {
            IPAddress candidate = IpAddressValue.FromValue(value, range.IsIPv6);
            if (!_allocations.IsTaken(candidate))
            {
                return new IpamAddress(index, candidate, range.Subnet.PrefixLength, range.Gateway);
            }
        }

        throw new IpamException(IpamErrorCode.AddressesExhausted, $"failed to allocate for range {index}: no IP addresses available in range set: {rangeSet}");
    }

    private bool Commit(IpamAttachment attachment, List<IPAddress> held, List<IpamAddress> chosen)
    {
        _index.Record(attachment, [.. held, .. chosen.Select(c => c.Address)]);
        var created = new List<IPAddress>(chosen.Count);
        try
        {
            foreach (IpamAddress address in chosen)
            {
                if (!_allocations.TryCreate(address.Address, attachment))
                {
                    // Someone wrote without the lock: the index can no longer be trusted.
                    Rollback(attachment, held, created);
                    _index.Invalidate();
                    return false;
                }

                created.Add(address.Address);
                _allocations.WriteLastReserved(address.RangeSetIndex, address.Address);
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
            _allocations.Remove(address);
        }

        _index.Record(attachment, held);
    }

    /// <summary>
    /// The attachment's addresses, as the reference finds them: one full scan, exact owner matches, else legacy
    /// (container-ID-only) files. The index answers first when it can; a scan also rebuilds it.
    /// </summary>
    private List<IPAddress> Locate(IpamAttachment attachment)
    {
        List<IPAddress>? indexed = _index.TryFind(attachment, _allocations.Read);
        if (indexed is not null)
        {
            LastLookup = IpamLookup.Index;
            return indexed;
        }

        LastLookup = IpamLookup.Scan;
        List<IpamStoredAllocation> all = Scan();
        _index.Rebuild(all);
        List<IPAddress> found = [.. all.Where(a => a.IsHeldBy(attachment)).Select(a => a.Address)];
        if (found.Count == 0)
        {
            found = [.. all.Where(a => a.ContainerId == attachment.ContainerId && a.InterfaceName is null).Select(a => a.Address)];
        }

        return found;
    }

    private List<IpamStoredAllocation> Scan()
    {
        ScanCount++;
        return _allocations.ReadAll();
    }

    /// <summary>Runs an operation under the store lock, between the index's <see cref="IAttachmentIndex.Begin"/> and <see cref="IAttachmentIndex.End"/>.</summary>
    private T Locked<T>(Func<T> operation)
    {
        try
        {
            using IDisposable held = _allocations.Lock();
            _index.Begin();
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
                _index.End(consistent);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IpamException(IpamErrorCode.IOFailure, $"IPAM store {DirectoryPath}: {e.Message}", e);
        }
    }

    private static void ValidateAttachment(IpamAttachment attachment)
    {
        if (attachment.ContainerId is null)
        {
            throw new IpamException(IpamErrorCode.InvalidEnvironment, "the attachment has no container ID");
        }
    }
}

/// <summary>An address handed out for one range set: the result's <c>ips[]</c> entry.</summary>
/// <param name="RangeSetIndex">The index of the range set in the configuration.</param>
/// <param name="Address">The address.</param>
/// <param name="PrefixLength">The subnet's prefix length.</param>
/// <param name="Gateway">The range's gateway.</param>
public sealed record IpamAddress(int RangeSetIndex, IPAddress Address, int PrefixLength, IPAddress Gateway)
{
    /// <summary>The address with its prefix, as the result's <c>address</c> member spells it.</summary>
    public IpCidr Cidr => new(Address, PrefixLength);

    /// <summary><c>address/prefix</c>.</summary>
    public override string ToString() => Cidr.ToString();
}

/// <summary>One address file of the store, with the owner it records.</summary>
/// <param name="Address">The allocated address (the file name).</param>
/// <param name="ContainerId">The owner's container ID, or null when the file could not be read or parsed.</param>
/// <param name="InterfaceName">The owner's interface name; null for the reference's legacy files (container ID only) and for unreadable files.</param>
public sealed record IpamStoredAllocation(IPAddress Address, string? ContainerId, string? InterfaceName)
{
    /// <summary>True if the owner could not be read: the address stays taken and GC leaves it alone.</summary>
    public bool IsUnreadable => ContainerId is null;

    /// <summary>True if this allocation belongs to the attachment (exact, or a legacy file with the same container ID).</summary>
    public bool BelongsTo(IpamAttachment attachment) =>
        ContainerId == attachment.ContainerId && (InterfaceName is null || InterfaceName == attachment.InterfaceName);

    /// <summary>True if the file records exactly this attachment (not a legacy container-ID-only file).</summary>
    internal bool IsHeldBy(IpamAttachment attachment) =>
        ContainerId == attachment.ContainerId && InterfaceName == attachment.InterfaceName;
}

/// <summary>How the store found an attachment's addresses.</summary>
internal enum IpamLookup
{
    /// <summary>No lookup yet.</summary>
    None,

    /// <summary>From a verified index entry, without a scan.</summary>
    Index,

    /// <summary>By scanning every address file.</summary>
    Scan,
}
