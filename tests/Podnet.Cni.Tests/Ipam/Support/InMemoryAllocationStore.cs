using System.Net;
using Podnet.Cni.Ipam;

namespace Podnet.Cni.Tests.Ipam.Support;

/// <summary>
/// The store seam (<see cref="IAllocationStore"/>) in memory, for unit tests of allocation without a disk. Every call
/// but <see cref="Lock"/> must come with the lock held (else <see cref="InvalidOperationException"/>), so the tests
/// also check the store's lock discipline. Hooks let a test play a writer that ignores the lock, or a failing disk.
/// </summary>
internal sealed class InMemoryAllocationStore : IAllocationStore
{
    private readonly Dictionary<IPAddress, IpamStoredAllocation> _allocations = [];
    private readonly Dictionary<int, IPAddress> _lastReserved = [];
    private bool _locked;

    public string Location => "memory:net";

    /// <summary>How often the lock was taken.</summary>
    public int LockCount { get; private set; }

    /// <summary>How often an allocation was attempted (<see cref="TryCreate"/>).</summary>
    public int CreateAttempts { get; private set; }

    /// <summary>Runs before every <see cref="TryCreate"/> with the address: a writer that ignores the lock, or a fault.</summary>
    public Action<IPAddress>? BeforeCreate { get; set; }

    /// <summary>False makes <see cref="ProbeWritable"/> fail like a read-only store.</summary>
    public bool Writable { get; set; } = true;

    /// <summary>The round-robin positions written so far, by range set index.</summary>
    public IReadOnlyDictionary<int, IPAddress> LastReserved => _lastReserved;

    /// <summary>Every allocation, by address text, as "id/ifname" ("id/" for a legacy file, "?" for an unreadable one).</summary>
    public IReadOnlyDictionary<string, string> Contents =>
        _allocations.Values.ToDictionary(a => IpAddressText.Format(a.Address), a => a.IsUnreadable ? "?" : $"{a.ContainerId}/{a.InterfaceName}", StringComparer.Ordinal);

    /// <summary>Plants an allocation as another writer (or an older host-local, or damage) would leave it.</summary>
    public void Put(string address, string? containerId, string? interfaceName = null)
    {
        IPAddress ip = IPAddress.Parse(address);
        _allocations[ip] = new IpamStoredAllocation(ip, containerId, interfaceName);
    }

    /// <summary>Plants a round-robin position.</summary>
    public void PutLastReserved(int rangeSetIndex, string address) => _lastReserved[rangeSetIndex] = IPAddress.Parse(address);

    public IDisposable Lock()
    {
        if (_locked)
        {
            throw new InvalidOperationException("the lock is already held");
        }

        _locked = true;
        LockCount++;
        return new Held(this);
    }

    public bool IsTaken(IPAddress address) => Checked(() => _allocations.ContainsKey(address));

    public bool TryCreate(IPAddress address, IpamAttachment owner)
    {
        EnsureLocked();
        CreateAttempts++;
        BeforeCreate?.Invoke(address);
        return _allocations.TryAdd(address, new IpamStoredAllocation(address, owner.ContainerId, owner.InterfaceName));
    }

    public void Remove(IPAddress address) => Checked(() => _allocations.Remove(address));

    public IpamStoredAllocation? Read(IPAddress address) => Checked(() => _allocations.GetValueOrDefault(address));

    public List<IpamStoredAllocation> ReadAll() => Checked(() => _allocations.Values.OrderBy(a => IpAddressText.Format(a.Address), StringComparer.Ordinal).ToList());

    public IPAddress? ReadLastReserved(int rangeSetIndex) => Checked(() => _lastReserved.GetValueOrDefault(rangeSetIndex));

    public void WriteLastReserved(int rangeSetIndex, IPAddress address) => Checked(() => _lastReserved[rangeSetIndex] = address);

    public void ProbeWritable()
    {
        EnsureLocked();
        if (!Writable)
        {
            throw new IOException("read-only file system");
        }
    }

    public void Dispose()
    {
    }

    private T Checked<T>(Func<T> action)
    {
        EnsureLocked();
        return action();
    }

    private void EnsureLocked()
    {
        if (!_locked)
        {
            throw new InvalidOperationException("the store was used without its lock");
        }
    }

    private sealed class Held(InMemoryAllocationStore owner) : IDisposable
    {
        public void Dispose() => owner._locked = false;
    }
}
