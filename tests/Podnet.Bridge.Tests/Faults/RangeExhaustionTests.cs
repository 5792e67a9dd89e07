using System.Text.Json;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni.Ipam;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Faults;

/// <summary>An exhausted range is a CNI error (code 101), not a crash, and the failed ADD leaves nothing behind.</summary>
[Kernel]
public sealed class RangeExhaustionTests
{
    [Fact]
    public void ADD_in_an_exhausted_range_reports_code_101_and_leaves_nothing()
    {
        // A /30 has one allocatable address: .1 is the gateway, .3 the broadcast.
        using FaultNetwork node = FaultNetwork.Create("10.78.0.0/30");
        using TestPod holder = TestPod.Create();
        using TestPod late = TestPod.Create();
        PluginOutcome first = node.Add(holder);
        Assert.True(first.Succeeded, $"first ADD: {first}");

        PluginOutcome second = node.Add(late);
        Assert.False(second.Killed);
        Assert.NotEqual(0, second.ExitCode);
        using (JsonDocument error = JsonDocument.Parse(second.Stdout))
        {
            Assert.Equal(IpamErrorCode.AddressesExhausted, error.RootElement.GetProperty("code").GetInt32());
            Assert.Contains("no IP addresses available", error.RootElement.GetProperty("msg").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(["lo"], NamespaceState.LinkNames(late.Namespace.Name));
        Assert.DoesNotContain(NamespaceState.RuleComments(node.Name), c => c.Contains(":" + late.ContainerId + ":", StringComparison.Ordinal));
        using (IpamStore store = IpamStore.Open(node.NetworkName, node.DataDirectory))
        {
            Assert.Equal(holder.ContainerId, Assert.Single(store.ListAllocations()).ContainerId);
        }

        Assert.True(node.Del(holder).Succeeded);
        Assert.True(node.Del(late).Succeeded);
    }
}
