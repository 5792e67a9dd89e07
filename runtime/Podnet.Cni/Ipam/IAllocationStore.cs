using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// Where the allocations of one network live, as <see cref="IpamStore"/>'s host-local logic sees them: at most one
/// owner per address, a round-robin position per range set, and a lock. <see cref="DirectoryAllocationStore"/> is
/// host-local's on-disk format; unit tests of allocation use an in-memory one. Every member except
/// <see cref="Lock"/> and <see cref="IDisposable.Dispose"/> is called with the lock held.
/// </summary>
internal interface IAllocationStore : IDisposable
{
    /// <summary>Where the allocations are (the network directory), for messages.</summary>
    string Location { get; }

    /// <summary>Blocks until this caller holds the store exclusively; dispose the result to release it.</summary>
    IDisposable Lock();

    /// <summary>True if the address is held by anyone, readable or not.</summary>
    bool IsTaken(IPAddress address);

    /// <summary>Records <paramref name="owner"/> as the holder of the address unless it is taken; false if it is.</summary>
    bool TryCreate(IPAddress address, IpamAttachment owner);

    /// <summary>Removes the address's allocation, if there is one.</summary>
    void Remove(IPAddress address);

    /// <summary>The address's allocation: null if it is free; an owner that cannot be read gives <see cref="IpamStoredAllocation.IsUnreadable"/>.</summary>
    IpamStoredAllocation? Read(IPAddress address);

    /// <summary>Every allocation (host-local's scan).</summary>
    List<IpamStoredAllocation> ReadAll();

    /// <summary>The last address the range set handed out, or null when unknown or unreadable.</summary>
    IPAddress? ReadLastReserved(int rangeSetIndex);

    /// <summary>Records the last address the range set handed out.</summary>
    void WriteLastReserved(int rangeSetIndex, IPAddress address);

    /// <summary>Writes and removes something, so STATUS knows ADD could write.</summary>
    /// <exception cref="IOException">The store cannot be written.</exception>
    void ProbeWritable();
}
