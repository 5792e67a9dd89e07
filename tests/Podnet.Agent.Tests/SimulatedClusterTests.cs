using System.Diagnostics;
using System.Globalization;
using Podnet.Netlink;
using Podnet.Netlink.Testing;
using Podnet.Testing.Cluster;

namespace Podnet.Agent.Tests;

/// <summary>
/// The shared fixture itself: what a killed run left behind is reclaimed, and disposing removes everything. Alone:
/// another test's new cluster would reclaim the staged leftovers of a "killed run" while they are being set up.
/// </summary>
[Collection(nameof(SimulatedClusterTests))]
public sealed class SimulatedClusterTests
{
    [Fact]
    public void A_new_cluster_reclaims_the_namespaces_processes_and_directories_of_a_killed_run_and_leaves_live_ones_alone()
    {
        // A PID that is certainly dead: a process that has exited.
        int deadPid;
        using (var exited = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!)
        {
            exited.WaitForExit();
            deadPid = exited.Id;
        }

        string dead = $"{TestNames.Prefix}{deadPid.ToString(CultureInfo.InvariantCulture)}-0-node01";
        string live = $"{TestNames.Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-0-node01";
        string deadDirectory = Path.Combine(Path.GetTempPath(), dead);
        using NetworkNamespace leftover = NetworkNamespace.Create(dead);
        using NetworkNamespace ours = NetworkNamespace.Create(live);
        Directory.CreateDirectory(deadDirectory);
        using NodeProcess orphan = NodeProcess.Start("orphan", leftover.Path, "/bin/sleep", ["600"]);

        using (new SimulatedCluster())
        {
            Assert.False(NetworkNamespace.Exists(dead), $"{dead} is still there");
            Assert.False(Directory.Exists(deadDirectory));
            Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(5)), "the process left in the namespace still runs");
            Assert.True(NetworkNamespace.Exists(live), "a namespace of this (live) process was reclaimed");
        }
    }

    [Fact]
    public void Disposing_removes_every_namespace_directory_and_process()
    {
        var cluster = new SimulatedCluster();
        SimulatedNode node = cluster.AddNode(1);
        SimulatedHost host = cluster.AddHost("outside", System.Net.IPAddress.Parse("192.168.1.250"));
        NodeProcess sleeper = cluster.Start("sleeper", node.NamespacePath, "/bin/sleep", ["600"]);
        int pid = sleeper.Id;
        string[] names = [cluster.SegmentNamespace, node.Namespace, host.Namespace];
        Assert.All(names, n => Assert.True(NetworkNamespace.Exists(n)));

        cluster.Dispose();
        Assert.All(names, n => Assert.False(NetworkNamespace.Exists(n), $"{n} is still there"));
        Assert.False(Directory.Exists(cluster.WorkDirectory));
        Assert.False(Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"), "the process started in a node still runs");
    }
}

/// <summary>Runs <see cref="SimulatedClusterTests"/> with no other test at the same time.</summary>
[CollectionDefinition(nameof(SimulatedClusterTests), DisableParallelization = true)]
public sealed class SimulatedClusterCollection;
