using System.Net;
using System.Security.Cryptography;
using Podnet.Cni;
using Podnet.Cni.Ipam;

namespace Podnet.Bridge.Tests.Faults;

/// <summary>
/// A damaged host-local store (garbage, empty or truncated address files; a garbled or out-of-range
/// <c>last_reserved_ip</c>; a corrupted or lying podnet index) must give a clear IPAM error or be handled safely, and
/// never hand out an address twice: after the damage the range is allocated until it is exhausted and every address
/// must be unique, inside the range and not one a surviving file still holds.
/// </summary>
public sealed class IpamStoreCorruptionTests : IDisposable
{
    private const string Network = "corrupt";
    private static readonly IPNetwork s_subnet = IPNetwork.Parse("10.66.0.0/26");

    private readonly string _dataDirectory = Podnet.Netlink.Testing.TestNames.CreateDirectory("fault-store");
    private readonly IReadOnlyList<IpRangeSet> _rangeSets = [IpRangeSet.Create([new IpamRangeSpec(IpCidr.Parse("10.66.0.0/26"))])];

    private string StoreDirectory => Path.Combine(_dataDirectory, Network);

    public static TheoryData<string> Corruptions =>
    [
        "ip-file-garbage", "ip-file-empty", "ip-file-truncated", "ip-file-invalid-utf8", "last-reserved-garbage",
        "last-reserved-empty", "last-reserved-outside-range", "last-reserved-ipv6", "last-reserved-broadcast",
        "last-reserved-gateway", "index-entries-garbage", "index-entry-truncated", "index-entry-lies", "index-directory-is-a-file",
        "temporary-file-left-behind",
    ];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_damaged_store_never_hands_out_an_address_twice(string corruption)
    {
        var first = new IpamAttachment("first", "eth0");
        var second = new IpamAttachment("second", "eth0");
        IPAddress firstAddress, secondAddress;
        using (IpamStore store = IpamStore.Open(Network, _dataDirectory))
        {
            firstAddress = store.Allocate(first, _rangeSets)[0].Address;
            secondAddress = store.Allocate(second, _rangeSets)[0].Address;
        }

        HashSet<IPAddress> held = Corrupt(corruption, first, firstAddress, secondAddress);
        held.Add(firstAddress);
        held.Add(secondAddress);

        var handedOut = new List<IPAddress>();
        using (IpamStore store = IpamStore.Open(Network, _dataDirectory))
        {
            for (int i = 0; ; i++)
            {
                try
                {
                    handedOut.Add(Assert.Single(store.Allocate(new IpamAttachment($"fill{i}", "eth0"), _rangeSets)).Address);
                }
                catch (IpamException e) when (e.CniErrorCode == IpamErrorCode.AddressesExhausted)
                {
                    break;
                }
                catch (IpamException e) when (e.CniErrorCode == IpamErrorCode.IOFailure && corruption == "index-directory-is-a-file")
                {
                    // A clear error is acceptable; nothing must have been allocated by the failed call.
                    Assert.Contains(".podnet-index", e.Message, StringComparison.Ordinal);
                    return;
                }

                Assert.True(i < 64, "allocation never reported exhaustion");
            }

            Assert.Equal(handedOut.Count, handedOut.Distinct().Count());
            Assert.All(handedOut, a => Assert.True(s_subnet.Contains(a) && !held.Contains(a) && !a.Equals(IPAddress.Parse("10.66.0.1")), $"{a} should not be handed out"));

            // The whole range is used: 61 allocatable addresses (.2-.62), minus what damaged files still hold.
            Assert.Equal(61 - held.Count, handedOut.Count);

            // Every address file on disk is either a damaged one or owned by exactly one attachment.
            IReadOnlyList<IpamStoredAllocation> listing = store.ListAllocations();
            Assert.Equal(listing.Count, listing.Select(a => a.Address).Distinct().Count());
            Assert.Equal(61, listing.Count);

            // Releasing the intact second attachment frees exactly its address, whatever the index says.
            IReadOnlyList<IPAddress> released = store.Release(second);
            if (corruption != "ip-file-garbage" && corruption != "ip-file-empty" && corruption != "ip-file-invalid-utf8")
            {
                Assert.Equal(new[] { secondAddress }, released);
            }
            else
            {
                Assert.Empty(released); // second's own file is the damaged one: the address stays held
            }

            Assert.True(store.ListAllocations().Any(a => a.Address.Equals(firstAddress)), "first's file must survive releasing second");
        }
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    /// <summary>Damages the store; returns addresses that a damaged file still holds besides first's and second's.</summary>
    private HashSet<IPAddress> Corrupt(string corruption, IpamAttachment first, IPAddress firstAddress, IPAddress secondAddress)
    {
        string lastReserved = Path.Combine(StoreDirectory, "last_reserved_ip.0");
        string index = Path.Combine(StoreDirectory, ".podnet-index");
        string foreign = Path.Combine(StoreDirectory, "10.66.0.40");
        var held = new HashSet<IPAddress>();
        switch (corruption)
        {
            case "ip-file-garbage":
                File.WriteAllBytes(Path.Combine(StoreDirectory, secondAddress.ToString()), RandomNumberGenerator.GetBytes(300));
                File.WriteAllBytes(foreign, RandomNumberGenerator.GetBytes(64));
                held.Add(IPAddress.Parse("10.66.0.40"));
                break;
            case "ip-file-empty":
                File.WriteAllBytes(Path.Combine(StoreDirectory, secondAddress.ToString()), []);
                File.WriteAllBytes(foreign, []);
                held.Add(IPAddress.Parse("10.66.0.40"));
                break;
            case "ip-file-invalid-utf8":
                File.WriteAllBytes(Path.Combine(StoreDirectory, secondAddress.ToString()), [0xFF, 0xFE, 0x0D, 0x0A, 0xC3]);
                break;
            case "ip-file-truncated":
                string path = Path.Combine(StoreDirectory, firstAddress.ToString());
                byte[] content = File.ReadAllBytes(path);
                File.WriteAllBytes(path, content[..(content.Length / 2)]);
                break;
            case "last-reserved-garbage":
                File.WriteAllBytes(lastReserved, RandomNumberGenerator.GetBytes(40));
                break;
            case "last-reserved-empty":
                File.WriteAllBytes(lastReserved, []);
                break;
            case "last-reserved-outside-range":
                File.WriteAllText(lastReserved, "192.168.7.7");
                break;
            case "last-reserved-ipv6":
                File.WriteAllText(lastReserved, "fd00::1");
                break;
            case "last-reserved-broadcast":
                File.WriteAllText(lastReserved, "10.66.0.63");
                break;
            case "last-reserved-gateway":
                File.WriteAllText(lastReserved, "10.66.0.1");
                break;
            case "index-entries-garbage":
                foreach (string entry in Directory.EnumerateFiles(index))
                {
                    File.WriteAllBytes(entry, RandomNumberGenerator.GetBytes(100));
                }

                break;
            case "index-entry-truncated":
                foreach (string entry in Directory.EnumerateFiles(index))
                {
                    byte[] bytes = File.ReadAllBytes(entry);
                    File.WriteAllBytes(entry, bytes[..(bytes.Length - 5)]);
                }

                break;
            case "index-entry-lies":
                // first's entry claims second's address: a release of first must not free it.
                string firstEntry = Path.Combine(index, $"{first.ContainerId}:{first.InterfaceName}");
                Assert.True(File.Exists(firstEntry), "the index layout changed; update this test");
                File.WriteAllText(firstEntry, $"podnet-ipam-index 1\n{first.ContainerId}\n{first.InterfaceName}\n{secondAddress}\n");
                using (IpamStore store = IpamStore.Open(Network, _dataDirectory))
                {
                    Assert.Equal(new[] { firstAddress }, store.Release(first));
                    Assert.True(File.Exists(Path.Combine(StoreDirectory, secondAddress.ToString())), "releasing first freed second's address");
                    Assert.Equal(new[] { firstAddress }, store.Allocate(first, _rangeSets, [firstAddress]).Select(a => a.Address));
                }

                break;
            case "index-directory-is-a-file":
                Directory.Delete(index, recursive: true);
                File.WriteAllText(index, "not a directory");
                break;
            case "temporary-file-left-behind":
                // What a writer killed between writing and renaming leaves.
                File.WriteAllText(Path.Combine(StoreDirectory, ".podnet-tmp-deadbeef"), "first\r\neth0");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(corruption), corruption, null);
        }

        return held;
    }
}
