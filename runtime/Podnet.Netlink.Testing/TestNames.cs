using System.Globalization;

namespace Podnet.Netlink.Testing;

/// <summary>
/// The names of everything a test run creates on the machine — network namespaces under <c>/run/netns</c> and work
/// directories under the temporary directory (or <c>/dev/shm</c>) — and the reclaiming of what a killed earlier run
/// left behind.
/// </summary>
/// <remarks>
/// Every name is <c>pn-t-PID-N[-ROLE]</c>: the creating process's id, a counter unique in that process, and an
/// optional role. A process that is killed (a timed-out mutant, a cancelled CI job) cannot clean up; the first name
/// a later process asks for therefore deletes every <c>pn-t-</c> namespace and directory whose PID is no longer
/// alive, after killing whatever still runs in such a namespace. Names not starting with <c>pn-t-</c>, and names of
/// live processes, are never touched.
/// </remarks>
public static class TestNames
{
    /// <summary>The start of every name a test run creates.</summary>
    public const string Prefix = "pn-t-";

    /// <summary>tmpfs, where fixtures that fsync a lot (etcd) keep their directories; reclaimed like the temporary directory.</summary>
    public const string SharedMemoryRoot = "/dev/shm";

    private static readonly Lock s_reclaimLock = new();
    private static int s_counter;
    private static bool s_reclaimed;

    /// <summary>
    /// A fresh name <c>pn-t-PID-N</c>, or <c>pn-t-PID-N-ROLE</c> with <paramref name="role"/>, not in use as a namespace
    /// or a work directory. Reclaims the leftovers of killed runs first (once per process, saying so on stderr).
    /// </summary>
    public static string Next(string? role = null)
    {
        ReclaimLeftovers(Console.Error);
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            string name = $"{Prefix}{pid}-{Interlocked.Increment(ref s_counter).ToString(CultureInfo.InvariantCulture)}";
            if (role is not null)
            {
                name += "-" + role;
            }

            // A PID reused from a killed run that is still (being) reclaimed elsewhere: skip its names.
            if (!File.Exists(NetworkNamespace.RunDirectory + "/" + name) && !DirectoryRoots().Any(root => Directory.Exists(Path.Combine(root, name))))
            {
                return name;
            }
        }
    }

    /// <summary>Creates a fresh work directory <c>TMP/pn-t-PID-N[-ROLE]</c> and returns its path.</summary>
    public static string CreateDirectory(string? role = null)
    {
        string path = Path.Combine(Path.GetTempPath(), Next(role));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Whether <paramref name="name"/> is a test-run name whose creating process is no longer alive.</summary>
    public static bool OwnerIsDead(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string rest = name[Prefix.Length..];
        int dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 &&
            int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) &&
            pid != Environment.ProcessId &&
            !Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Deletes the <c>pn-t-</c> namespaces and work directories of processes that are gone, killing what still runs
    /// in those namespaces first; says what it reclaimed on <paramref name="log"/>. Runs once per process unless
    /// <paramref name="force"/>; returns the names it reclaimed.
    /// </summary>
    public static IReadOnlyList<string> ReclaimLeftovers(TextWriter? log = null, bool force = false)
    {
        lock (s_reclaimLock)
        {
            if (s_reclaimed && !force)
            {
                return [];
            }

            s_reclaimed = true;
            var reclaimed = new List<string>();
            if (Directory.Exists(NetworkNamespace.RunDirectory))
            {
                foreach (string path in Directory.EnumerateFiles(NetworkNamespace.RunDirectory, Prefix + "*"))
                {
                    string name = Path.GetFileName(path);
                    if (!OwnerIsDead(name))
                    {
                        continue;
                    }

                    log?.WriteLine($"reclaiming namespace {name} of a killed run");
                    KillProcessesIn(name);
                    try
                    {
                        NetworkNamespace.Delete(name);
                        reclaimed.Add(name);
                    }
                    catch (SystemCallException e)
                    {
                        log?.WriteLine($"could not reclaim namespace {name}: {e.Message}");
                    }
                }
            }

            foreach (string directory in DirectoryRoots().SelectMany(root => Directory.EnumerateDirectories(root, Prefix + "*")))
            {
                string name = Path.GetFileName(directory);
                if (!OwnerIsDead(name))
                {
                    continue;
                }

                log?.WriteLine($"reclaiming directory {directory} of a killed run");
                try
                {
                    Directory.Delete(directory, recursive: true);
                    reclaimed.Add(directory);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    log?.WriteLine($"could not reclaim {directory}: {e.Message}");
                }
            }

            return reclaimed;
        }
    }

    /// <summary>Where test directories live: the temporary directory, and <see cref="SharedMemoryRoot"/> when there is one.</summary>
    private static IEnumerable<string> DirectoryRoots() =>
        Directory.Exists(SharedMemoryRoot) ? [Path.GetTempPath(), SharedMemoryRoot] : [Path.GetTempPath()];

    /// <summary>SIGKILLs every process living in the named namespace (what <c>ip netns pids</c> lists), except this one.</summary>
    public static void KillProcessesIn(string name)
    {
        (int exitCode, string output, _) = IpCommand.TryRun("netns", "pids", name);
        if (exitCode != 0)
        {
            return;
        }

        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        }
    }
}
