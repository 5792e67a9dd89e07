using System.Globalization;
using System.Net;
using System.Text;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The allocations of one network where the reference <c>host-local</c> plugin keeps them, byte for byte:
/// <c>&lt;network dir&gt;/&lt;ip&gt;</c> files holding <c>&lt;containerID&gt;\r\n&lt;ifname&gt;</c> (older host-local
/// versions wrote the container ID only), <c>last_reserved_ip.&lt;rangeSetIndex&gt;</c> files holding the round-robin
/// position, and <c>flock(LOCK_EX)</c> on <c>&lt;network dir&gt;/lock</c> (<see cref="StoreLock"/>). See docs/ipam.md.
/// </summary>
internal sealed class DirectoryAllocationStore : IAllocationStore
{
    /// <summary>The largest allocation file the store reads; anything bigger is not the reference's.</summary>
    public const int MaxAllocationFileLength = 4096;

    private const string LastReservedPrefix = "last_reserved_ip.";
    private const string StatusProbeName = ".podnet-status-probe";

    private readonly StoreLock _lock;

    /// <summary>Opens the allocations of an existing network directory (creating its lock file).</summary>
    public DirectoryAllocationStore(string networkDirectory)
    {
        Location = networkDirectory;
        _lock = new StoreLock(networkDirectory);
    }

    /// <summary>The network directory, <c>&lt;dataDir&gt;/&lt;network&gt;</c>.</summary>
    public string Location { get; }

    public IDisposable Lock() => _lock.Acquire();

    public bool IsTaken(IPAddress address) => StoreFiles.Exists(AddressPath(address));

    public bool TryCreate(IPAddress address, IpamAttachment owner) =>
        StoreFiles.CreateExclusive(Location, AddressPath(address), Content(owner));

    public void Remove(IPAddress address) => StoreFiles.Delete(AddressPath(address));

    public IpamStoredAllocation? Read(IPAddress address) => ReadAllocationFile(AddressPath(address), address);

    /// <summary>Reads every address file (names that are canonical addresses) and removes crash leftovers.</summary>
    public List<IpamStoredAllocation> ReadAll()
    {
        var allocations = new List<IpamStoredAllocation>();
        foreach (string path in Directory.EnumerateFiles(Location))
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

            IpamStoredAllocation? allocation = ReadAllocationFile(path, address);
            if (allocation is not null)
            {
                allocations.Add(allocation);
            }
        }

        return allocations;
    }

    public IPAddress? ReadLastReserved(int rangeSetIndex)
    {
        // As in the reference, an unreadable or garbled file only costs the round-robin position.
        try
        {
            byte[]? content = StoreFiles.ReadSmall(LastReservedPath(rangeSetIndex), 64);
            return content is not null && IpAddressText.TryParse(Encoding.ASCII.GetString(content), out IPAddress? address) ? address : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void WriteLastReserved(int rangeSetIndex, IPAddress address) =>
        StoreFiles.Overwrite(LastReservedPath(rangeSetIndex), Encoding.ASCII.GetBytes(IpAddressText.Format(address)));

    public void ProbeWritable()
    {
        string probe = Path.Combine(Location, StatusProbeName);
        StoreFiles.Replace(Location, probe, "probe"u8);
        StoreFiles.Delete(probe);
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>An address file's content: <c>&lt;containerID&gt;\r\n&lt;ifname&gt;</c>, no trailing newline.</summary>
    public static byte[] Content(IpamAttachment owner) =>
        Encoding.UTF8.GetBytes($"{owner.ContainerId}\r\n{owner.InterfaceName}");

    /// <summary>An address file's owner; a file that is not valid UTF-8 or not an owner gives a null container ID.</summary>
    public static IpamStoredAllocation Parse(ReadOnlySpan<byte> content, IPAddress address)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).Trim();
        }
        catch (DecoderFallbackException)
        {
            return new IpamStoredAllocation(address, null, null);
        }

        int separator = text.IndexOf("\r\n", StringComparison.Ordinal);
        string containerId = separator < 0 ? text : text[..separator];
        string? interfaceName = separator < 0 ? null : text[(separator + 2)..];
        if (containerId.Length == 0 || HasWhiteSpace(containerId) || (interfaceName is not null && (interfaceName.Length == 0 || HasWhiteSpace(interfaceName))))
        {
            return new IpamStoredAllocation(address, null, null);
        }

        return new IpamStoredAllocation(address, containerId, interfaceName);
    }

    /// <summary>Reads the owner: null if there is no file; an unreadable or unparsable file gives a null container ID.</summary>
    private static IpamStoredAllocation? ReadAllocationFile(string path, IPAddress address)
    {
        byte[]? content;
        try
        {
            content = StoreFiles.ReadSmall(path, MaxAllocationFileLength);
        }
        catch (IOException)
        {
            return new IpamStoredAllocation(address, null, null);
        }

        return content is null ? null : Parse(content, address);
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private string AddressPath(IPAddress address) => Path.Combine(Location, IpAddressText.Format(address));

    private string LastReservedPath(int rangeSetIndex) =>
        Path.Combine(Location, LastReservedPrefix + rangeSetIndex.ToString(CultureInfo.InvariantCulture));
}
