using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>Many runtimes calling the plugin at once on one node (the bridge does not exist yet when they start).</summary>
[Kernel]
public sealed class ConcurrentAddTests
{
    private const int PodCount = 32;

    [Fact]
    public void Thirty_two_concurrent_adds_get_unique_ips_reach_a_neighbour_and_delete_cleanly()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config().With("isGateway", true);
        IReadOnlyList<TestPod> pods = node.CreatePods(PodCount);

        IReadOnlyList<RunningPlugin> adds = node.Start([.. pods.Select(p => node.Invocation("ADD", p, config))]);
        PluginOutcome[] outcomes = [.. adds.Select(a => a.Wait())];

        IPAddress[] ips = [.. outcomes.Select(o => PodConnectivityTests.ResultAddress(o.Result))];
        Assert.Equal(PodCount, ips.Distinct().Count());
        Assert.Equal(PodCount, NamespaceInspector.Veths(node.Path).Count);
        for (int i = 0; i < PodCount; i++)
        {
            Assert.Equal(ips[i], NamespaceInspector.AddressOf(pods[i].Path, pods[i].InterfaceName));
        }

        // Each pod sends to the next one (a ring), so every pod both sends and receives once.
        IPAddress?[] seen = new IPAddress?[PodCount];
        Parallel.For(0, PodCount, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int next = (i + 1) % PodCount;
            seen[next] = UdpProbe.Exchange(pods[i].Path, pods[next].Path, ips[next]);
        });
        for (int i = 0; i < PodCount; i++)
        {
            int previous = (i + PodCount - 1) % PodCount;
            Assert.True(ips[previous].Equals(seen[i]), $"pod {i} ({ips[i]}) saw {seen[i]?.ToString() ?? "nothing"} instead of {ips[previous]}");
        }

        IReadOnlyList<RunningPlugin> dels = node.Start([.. pods.Select(p => node.Invocation("DEL", p, config))]);
        foreach (RunningPlugin del in dels)
        {
            del.Wait().EnsureSuccess();
        }

        StoreAssert.OnlyBridgeRemains(node);
        StoreAssert.HoldsNoAddress(node);
    }
}
