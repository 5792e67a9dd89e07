using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>The same ADD/DEL sequence through the real host-local and through podnet, in separate stores.</summary>
[Kernel]
public sealed class HostLocalParityTests
{
    // Range set 0 has two ranges (the walk moves between them and wraps); range set 1 is IPv6.
    private const string Ranges = """
        [[{"subnet":"10.1.0.0/29","rangeStart":"10.1.0.2","rangeEnd":"10.1.0.4"},{"subnet":"10.1.1.0/29","rangeStart":"10.1.1.3"}],[{"subnet":"fd00::/125"}]]
        """;

    private const string RangesSpec = "10.1.0.0/29,10.1.0.2,10.1.0.4,|10.1.1.0/29,10.1.1.3,,;fd00::/125";

    [Fact]
    public async Task Round_robin_results_errors_and_files_match_host_local()
    {
        using var hostLocalDir = new ScratchDirectory();
        using var podnetDir = new ScratchDirectory();
        string config = $"{{\"cniVersion\":\"1.0.0\",\"name\":\"parity\",\"type\":\"bridge\",\"ipam\":{{\"type\":\"host-local\",\"dataDir\":\"{hostLocalDir.Path}\",\"ranges\":{Ranges.Trim()}}}}}";
        IReadOnlyList<IpRangeSet> sets = RangeValidationTests.Parse(RangesSpec).CreateRangeSets();
        using IpamStore store = IpamStore.Open("parity", podnetDir.Path);

        string[] operations =
        [
            "ADD a", "ADD b", "ADD c", "DEL b", "ADD d", "ADD e", "ADD a", "DEL a", "DEL c", "ADD f", "ADD g",
            "ADD h", "ADD i", "ADD j", "DEL e", "DEL zz", "ADD k", "DEL d", "DEL f", "ADD l", "ADD m", "ADD n",
        ];
        var results = new List<string>();
        foreach (string operation in operations)
        {
            string command = operation[..3];
            string id = "ctr-" + operation[4..];
            var attachment = new IpamAttachment(id, "eth0");
            if (command == "DEL")
            {
                await HostLocalPlugin.DelAsync(id, "eth0", config);
                store.Release(attachment);
            }
            else
            {
                string expected;
                try
                {
                    expected = string.Join(" ", await HostLocalPlugin.AddAsync(id, "eth0", config));
                }
                catch (HostLocalException e)
                {
                    expected = "error: " + HostLocalPlugin.ErrorMessage(e);
                }

                string actual;
                try
                {
                    actual = string.Join(" ", store.Allocate(attachment, sets).Select(a => a.ToString()));
                }
                catch (IpamException e)
                {
                    actual = "error: " + e.Message;
                }

                Assert.True(expected == actual, $"{operation}: host-local {expected}, podnet {actual}");
                results.Add(actual);
            }

            AssertSameFiles(Path.Combine(hostLocalDir.Path, "parity"), store.DirectoryPath, operation);
        }

        // The sequence must have exercised a repeated ADD, exhaustion and the wrap into the second range.
        Assert.Equal(15, results.Count);
        Assert.Contains(results, r => r.Contains("duplicate allocation is not allowed", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Contains("no IP addresses available in range set", StringComparison.Ordinal));
        Assert.Contains(results, r => r.StartsWith("10.1.1.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exhaustion_happens_at_the_same_point_with_the_same_message()
    {
        using var hostLocalDir = new ScratchDirectory();
        using var podnetDir = new ScratchDirectory();
        string config = HostLocalPlugin.Config("small", hostLocalDir.Path, ["10.9.0.0/30"]);
        IReadOnlyList<IpRangeSet> sets = RangeValidationTests.Parse("10.9.0.0/30").CreateRangeSets();
        using IpamStore store = IpamStore.Open("small", podnetDir.Path);

        Assert.Equal(["10.9.0.2/30"], await HostLocalPlugin.AddAsync("one", "eth0", config));
        Assert.Equal("10.9.0.2/30", store.Allocate(new IpamAttachment("one", "eth0"), sets).Single().ToString());

        HostLocalException hostLocal = await Assert.ThrowsAsync<HostLocalException>(() => HostLocalPlugin.AddAsync("two", "eth0", config));
        IpamException podnet = Assert.Throws<IpamException>(() => store.Allocate(new IpamAttachment("two", "eth0"), sets));
        Assert.Equal(HostLocalPlugin.ErrorMessage(hostLocal), podnet.Message);
        Assert.Equal("failed to allocate for range 0: no IP addresses available in range set: 10.9.0.1-10.9.0.2", podnet.Message);
        Assert.Equal(IpamErrorCode.AddressesExhausted, podnet.CniErrorCode);
        AssertSameFiles(Path.Combine(hostLocalDir.Path, "small"), store.DirectoryPath);
    }

    [Fact]
    public async Task A_repeated_add_fails_like_host_local()
    {
        using var hostLocalDir = new ScratchDirectory();
        using var podnetDir = new ScratchDirectory();
        string config = HostLocalPlugin.Config("repeat", hostLocalDir.Path, ["10.9.0.0/29"], ["fd00:9::/125"]);
        IReadOnlyList<IpRangeSet> sets = RangeValidationTests.Parse("10.9.0.0/29;fd00:9::/125").CreateRangeSets();
        using IpamStore store = IpamStore.Open("repeat", podnetDir.Path);
        var attachment = new IpamAttachment("again", "eth0");

        await HostLocalPlugin.AddAsync("again", "eth0", config);
        store.Allocate(attachment, sets);
        HostLocalException hostLocal = await Assert.ThrowsAsync<HostLocalException>(() => HostLocalPlugin.AddAsync("again", "eth0", config));
        IpamException podnet = Assert.Throws<IpamException>(() => store.Allocate(attachment, sets));

        Assert.Equal(HostLocalPlugin.ErrorMessage(hostLocal), podnet.Message);
        Assert.Equal("failed to allocate for range 0: 10.9.0.2 has been allocated to again, duplicate allocation is not allowed", podnet.Message);
        Assert.Equal(IpamErrorCode.DuplicateAllocation, podnet.CniErrorCode);
        AssertSameFiles(Path.Combine(hostLocalDir.Path, "repeat"), store.DirectoryPath);

        // A second interface of the same container is a different attachment.
        Assert.Equal(["10.9.0.3/29", "fd00:9::3/125"], await HostLocalPlugin.AddAsync("again", "net1", config));
        Assert.Equal(["10.9.0.3/29", "fd00:9::3/125"], store.Allocate(new IpamAttachment("again", "net1"), sets).Select(a => a.ToString()));
        AssertSameFiles(Path.Combine(hostLocalDir.Path, "repeat"), store.DirectoryPath);
    }

    /// <summary>Every file but the lock (and podnet's index) exists in both stores with identical bytes.</summary>
    internal static void AssertSameFiles(string hostLocalNetwork, string podnetNetwork, string context = "")
    {
        static SortedDictionary<string, byte[]> Read(string directory) =>
            new(Directory.EnumerateFiles(directory)
                .Where(path => Path.GetFileName(path) != "lock")
                .ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes), StringComparer.Ordinal);

        SortedDictionary<string, byte[]> expected = Read(hostLocalNetwork);
        SortedDictionary<string, byte[]> actual = Read(podnetNetwork);
        Assert.True(expected.Keys.SequenceEqual(actual.Keys), $"{context}: host-local has [{string.Join(", ", expected.Keys)}], podnet [{string.Join(", ", actual.Keys)}]");
        foreach ((string name, byte[] bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{context} {name}: host-local {Convert.ToHexString(bytes)}, podnet {Convert.ToHexString(actual[name])}");
        }
    }
}
