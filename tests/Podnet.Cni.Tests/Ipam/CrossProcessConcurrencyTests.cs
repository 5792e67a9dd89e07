using System.Text.Json;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>
/// Many processes — the real host-local and podnet's allocator (tests/Podnet.Ipam.Stress) —
/// on one store at once. The flock on &lt;network&gt;/lock must make them exclude each other:
/// no address handed out twice, no allocation lost.
/// </summary>
public sealed class CrossProcessConcurrencyTests
{
    private const string Network = "stress";
    private const string Subnets = "10.7.0.0/24;fd00:7::/64";
    private const int Processes = 32;

    [Kernel]
    [Fact]
    public async Task Thirty_two_concurrent_allocators_half_host_local_never_collide_or_lose_an_allocation()
    {
        Assert.True(File.Exists(StressProcess.AssemblyPath), $"{StressProcess.AssemblyPath} is missing");
        using var data = new ScratchDirectory();
        string config = HostLocalPlugin.Config(Network, data.Path, ["10.7.0.0/24"], ["fd00:7::/64"]);
        string directory = data.Combine(Network);

        // Phase 1: 32 ADDs at once, alternating host-local and podnet.
        string[] first = [.. Enumerable.Range(0, Processes).Select(i => $"{(i % 2 == 0 ? "hl" : "pn")}-{i}")];
        Dictionary<string, string[]> owned = await AddAllAsync(first, data.Path, config);
        AssertConsistent(directory, owned);

        // Phase 2: at once, each tool releases the other's allocations while 32 new ADDs run.
        string[] released = [.. first.Take(Processes / 2)];
        string[] second = [.. Enumerable.Range(Processes, Processes).Select(i => $"{(i % 2 == 0 ? "hl" : "pn")}-{i}")];
        Task<Dictionary<string, string[]>> adds = AddAllAsync(second, data.Path, config);
        Task[] dels = [.. released.Select(id => id.StartsWith("pn", StringComparison.Ordinal)
            ? HostLocalPlugin.DelAsync(id, "eth0", config)
            : ReleaseWithPodnetAsync(data.Path, id))];
        await Task.WhenAll(dels);
        Dictionary<string, string[]> added = await adds;

        foreach (string id in released)
        {
            owned.Remove(id);
        }

        foreach ((string id, string[] addresses) in added)
        {
            owned.Add(id, addresses);
        }

        Assert.Equal(Processes + (Processes / 2), owned.Count);
        AssertConsistent(directory, owned);

        // And the podnet view of the shared store agrees.
        using IpamStore store = IpamStore.Open(Network, data.Path);
        Assert.Equal(owned.Count * 2, store.ListAllocations().Count);
        Assert.All(store.ListAllocations(), a =>
        {
            Assert.Equal("eth0", a.InterfaceName);
            Assert.Contains(IpAddressText.Format(a.Address), owned[a.ContainerId!]);
        });
    }

    private static async Task<Dictionary<string, string[]>> AddAllAsync(string[] ids, string dataDirectory, string config)
    {
        Task<(string Id, string[] Addresses)>[] runs = [.. ids.Select(async id =>
        {
            if (id.StartsWith("hl", StringComparison.Ordinal))
            {
                IReadOnlyList<string> cidrs = await HostLocalPlugin.AddAsync(id, "eth0", config);
                return (id, cidrs.Select(c => c[..c.IndexOf('/', StringComparison.Ordinal)]).ToArray());
            }

            ProcessRun run = await StressProcess.AllocateAsync(dataDirectory, Network, id, "eth0", Subnets);
            Assert.True(run.ExitCode == 0, $"{id}: exit {run.ExitCode}: {run.StandardError}");
            return (id, run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c[..c.IndexOf('/', StringComparison.Ordinal)]).ToArray());
        })];
        return (await Task.WhenAll(runs)).ToDictionary(r => r.Id, r => r.Addresses);
    }

    private static async Task ReleaseWithPodnetAsync(string dataDirectory, string id)
    {
        ProcessRun run = await StressProcess.ReleaseAsync(dataDirectory, Network, id, "eth0");
        Assert.True(run.ExitCode == 0, $"{id}: exit {run.ExitCode}: {run.StandardError}");
        Assert.Equal(2, run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>Every owner got one IPv4 and one IPv6 address, all distinct, each with its file, and nothing else is on disk.</summary>
    private static void AssertConsistent(string directory, Dictionary<string, string[]> owned)
    {
        string[] all = [.. owned.Values.SelectMany(a => a)];
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
        foreach ((string id, string[] addresses) in owned)
        {
            Assert.Equal(2, addresses.Length);
            Assert.Contains(addresses, a => a.StartsWith("10.7.0.", StringComparison.Ordinal));
            Assert.Contains(addresses, a => a.StartsWith("fd00:7::", StringComparison.Ordinal));
            foreach (string address in addresses)
            {
                Assert.Equal($"{id}\r\neth0", File.ReadAllText(Path.Combine(directory, address)));
            }
        }

        string[] onDisk = [.. Directory.EnumerateFiles(directory).Select(Path.GetFileName).Where(n => IpAddressText.TryParse(n, out _))!];
        Assert.Equal(all.Order(StringComparer.Ordinal), onDisk.Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(directory, ".podnet-tmp-*"));
    }

    [Fact]
    public void Result_json_of_host_local_is_what_the_helper_parses()
    {
        // Guards the helper used above against a silent change in host-local's output shape.
        using JsonDocument document = JsonDocument.Parse("""{"cniVersion":"1.0.0","ips":[{"address":"10.7.0.2/24","gateway":"10.7.0.1"}]}""");
        Assert.Equal("10.7.0.2/24", document.RootElement.GetProperty("ips")[0].GetProperty("address").GetString());
    }
}
