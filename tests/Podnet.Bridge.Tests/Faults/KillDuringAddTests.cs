using System.Net;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni.Ipam;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Faults;

/// <summary>
/// SIGKILL the plugin at random moments of ADD (from 0 to the measured duration of a normal ADD), then DEL every
/// attachment and GC with no valid attachments: the node, the pods, the IPAM store and nftables must hold nothing of
/// them, and the store must still work.
/// </summary>
[Kernel]
public sealed class KillDuringAddTests
{
    private const int PodsPerRound = 25;

    [Fact]
    public void Kill_during_ADD_then_DEL_and_GC_leave_no_state_and_a_working_store()
    {
        ITestOutputHelper output = TestContext.Current.TestOutputHelper!;
        int iterations = FaultIterations.Count;
        using FaultNetwork node = FaultNetwork.Create();
        TimeSpan typicalAdd = MeasureAdd(node);
        output.WriteLine($"typical ADD (median of 5, process start to exit): {typicalAdd.TotalMilliseconds:F1} ms; {iterations} killed ADDs");

        var random = new Random(Environment.GetEnvironmentVariable("PODNET_FAULT_SEED") is { } seed ? int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next());
        int killed = 0, completed = 0, failed = 0;
        var leftovers = new LeftoverCount();
        for (int done = 0; done < iterations;)
        {
            int roundSize = Math.Min(PodsPerRound, iterations - done);
            var pods = new List<TestPod>(roundSize);
            try
            {
                for (int i = 0; i < roundSize; i++)
                {
                    pods.Add(TestPod.Create());
                }

                foreach (TestPod pod in pods)
                {
                    // Within the first 90% of a typical ADD: on a loaded machine (CI runs test projects side by side) ADDs speed up
                    // and slow down, and a window reaching past the typical end mostly kills finished processes.
                    TimeSpan delay = typicalAdd * (0.9 * random.NextDouble());
                    PluginOutcome add = node.Add(pod, delay);
                    if (add.Killed)
                    {
                        killed++;
                        leftovers.Record(node, pod);
                    }
                    else if (add.Succeeded)
                    {
                        completed++;
                    }
                    else
                    {
                        // Never a crash: a failing ADD reports a CNI error object.
                        Assert.Contains("\"code\"", add.Stdout, StringComparison.Ordinal);
                        failed++;
                    }
                }

                foreach (TestPod pod in pods)
                {
                    PluginOutcome del = node.Del(pod);
                    Assert.True(del.Succeeded, $"DEL of {pod.ContainerId}: {del}");
                }

                PluginOutcome gc = node.CollectGarbage([]);
                Assert.True(gc.Succeeded, $"GC: {gc}");
                AssertNothingLeft(node, pods);
            }
            finally
            {
                foreach (TestPod pod in pods)
                {
                    pod.Dispose();
                }
            }

            done += roundSize;
        }

        output.WriteLine($"{killed} killed mid-ADD, {completed} finished before the kill, {failed} failed with a CNI error");
        output.WriteLine($"killed ADDs that left state for DEL/GC: {leftovers}");
        Assert.Equal(iterations, killed + completed + failed);
        Assert.True(killed >= iterations / 3, $"only {killed} of {iterations} ADDs were actually killed: the kill window is miscalibrated");
        if (iterations >= 50)
        {
            // Otherwise every kill landed before ADD touched anything and the test proved nothing.
            Assert.True(leftovers.Any, $"no killed ADD left any state behind ({leftovers}): the kill window is miscalibrated");
        }

        AssertStoreStillWorks(node);
    }

    private static TimeSpan MeasureAdd(FaultNetwork node)
    {
        var durations = new List<TimeSpan>();
        for (int i = 0; i < 5; i++)
        {
            using TestPod pod = TestPod.Create();
            PluginOutcome add = node.Add(pod);
            Assert.True(add.Succeeded, $"a normal ADD failed: {add}");
            durations.Add(add.Elapsed);
            Assert.True(node.Del(pod).Succeeded);
        }

        durations.Sort();
        return durations[durations.Count / 2];
    }

    private static void AssertNothingLeft(FaultNetwork node, List<TestPod> pods)
    {
        IReadOnlyList<string> nodeLinks = NamespaceState.LinkNames(node.Name);
        Assert.All(nodeLinks, name => Assert.True(name == "lo" || name == node.BridgeName, $"leaked link {name} on the node ({string.Join(", ", nodeLinks)})"));
        foreach (TestPod pod in pods)
        {
            IReadOnlyList<string> podLinks = NamespaceState.LinkNames(pod.Namespace.Name);
            Assert.True(podLinks.SequenceEqual(["lo"]), $"pod {pod.ContainerId} still has {string.Join(", ", podLinks)}");
        }

        var containerIds = pods.Select(p => p.ContainerId).ToHashSet();
        IReadOnlyList<string> comments = NamespaceState.RuleComments(node.Name);
        Assert.DoesNotContain(comments, c => containerIds.Any(id => c.Contains(":" + id + ":", StringComparison.Ordinal)));

        using IpamStore store = IpamStore.Open(node.NetworkName, node.DataDirectory);
        IReadOnlyList<IpamStoredAllocation> allocations = store.ListAllocations();
        Assert.DoesNotContain(allocations, a => a.IsUnreadable);
        Assert.DoesNotContain(allocations, a => containerIds.Contains(a.ContainerId!));
        string index = Path.Combine(node.StoreDirectory, ".podnet-index");
        if (Directory.Exists(index))
        {
            Assert.DoesNotContain(Directory.EnumerateFiles(index), f => containerIds.Any(id => Path.GetFileName(f).StartsWith(id + ":", StringComparison.Ordinal)));
        }

        foreach (string file in Directory.EnumerateFiles(node.StoreDirectory))
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotContain(containerIds, id => text.Contains(id, StringComparison.Ordinal));
        }
    }

    private static void AssertStoreStillWorks(FaultNetwork node)
    {
        using TestPod pod = TestPod.Create();
        PluginOutcome add = node.Add(pod);
        Assert.True(add.Succeeded, $"ADD after the faults: {add}");
        using var result = System.Text.Json.JsonDocument.Parse(add.Stdout);
        string cidr = result.RootElement.GetProperty("ips")[0].GetProperty("address").GetString()!;
        IPNetwork subnet = IPNetwork.Parse(node.Subnet);
        IPAddress address = IPAddress.Parse(cidr.Split('/')[0]);
        Assert.True(subnet.Contains(address), $"{address} is outside {subnet}");
        Assert.NotEqual(IPAddress.Parse("10.77.0.1"), address);
        Assert.NotEqual(subnet.BaseAddress, address);

        using (IpamStore store = IpamStore.Open(node.NetworkName, node.DataDirectory))
        {
            IpamStoredAllocation allocation = Assert.Single(store.ListAllocations());
            Assert.Equal(address, allocation.Address);
            Assert.Equal(pod.ContainerId, allocation.ContainerId);
            Assert.Equal(FaultNetwork.InterfaceName, allocation.InterfaceName);
        }

        Assert.True(node.Del(pod).Succeeded);
    }
}
