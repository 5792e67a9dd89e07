using System.Diagnostics;
using System.Globalization;

namespace Podnet.Netlink.Tests.Namespaces;

/// <summary>
/// The naming every test fixture shares: names carry the creating PID, and what a killed run left (namespaces with
/// processes still in them, work directories) is reclaimed while names of live runs and names without the prefix are
/// left alone. Alone: another test's first name would reclaim the staged leftovers while they are being set up.
/// </summary>
[Collection(nameof(TestNamesTests))]
[Kernel]
public sealed class TestNamesTests
{
    [Fact]
    public void Names_carry_the_creating_process_id_and_a_counter()
    {
        string first = TestNames.Next();
        string second = TestNames.Next("node");
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        Assert.Matches($"^pn-t-{pid}-[0-9]+$", first);
        Assert.Matches($"^pn-t-{pid}-[0-9]+-node$", second);
        Assert.NotEqual(first, second[..^"-node".Length]);
        Assert.False(TestNames.OwnerIsDead(first));
    }

    [Fact]
    public void Reclaiming_deletes_what_a_killed_run_left_and_nothing_else()
    {
        int deadPid;
        using (var exited = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!)
        {
            exited.WaitForExit();
            deadPid = exited.Id;
        }

        string dead = $"{TestNames.Prefix}{deadPid.ToString(CultureInfo.InvariantCulture)}-1-node";
        string live = $"{TestNames.Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-0-node";
        string foreign = $"pn-x-{deadPid.ToString(CultureInfo.InvariantCulture)}-1-node";
        string deadDirectory = Path.Combine(Path.GetTempPath(), dead);
        string foreignDirectory = Path.Combine(Path.GetTempPath(), foreign);
        NetworkNamespace leftover = NetworkNamespace.Create(dead);
        using NetworkNamespace ours = NetworkNamespace.Create(live);
        using NetworkNamespace other = NetworkNamespace.Create(foreign);
        Directory.CreateDirectory(deadDirectory);
        Directory.CreateDirectory(foreignDirectory);
        using Process orphan = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", dead, "sleep", "600"]) { UseShellExecute = false })!;
        try
        {
            WaitUntil(() => IpCommand.Run("netns", "pids", dead).Trim().Length > 0, "the orphan to run in the leftover namespace");

            IReadOnlyList<string> reclaimed = TestNames.ReclaimLeftovers(force: true);

            Assert.Contains(dead, reclaimed);
            Assert.Contains(deadDirectory, reclaimed);
            Assert.False(NetworkNamespace.Exists(dead), $"{dead} is still there");
            Assert.False(Directory.Exists(deadDirectory));
            Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(5)), "the process left in the namespace still runs");
            Assert.True(NetworkNamespace.Exists(live), "a namespace of this (live) process was reclaimed");
            Assert.True(NetworkNamespace.Exists(foreign), "a namespace without the pn-t- prefix was reclaimed");
            Assert.True(Directory.Exists(foreignDirectory), "a directory without the pn-t- prefix was reclaimed");
        }
        finally
        {
            if (!orphan.HasExited)
            {
                orphan.Kill();
            }

            leftover.Dispose();
            Directory.Delete(foreignDirectory, recursive: true);
            if (Directory.Exists(deadDirectory))
            {
                Directory.Delete(deadDirectory, recursive: true);
            }
        }
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }
}

/// <summary>Runs <see cref="TestNamesTests"/> with no other test at the same time.</summary>
[CollectionDefinition(nameof(TestNamesTests), DisableParallelization = true)]
public sealed class TestNamesCollection;
