using System.Globalization;

namespace Podnet.AgentBench;

/// <summary>CPU time and memory of a running process from <c>/proc</c>.</summary>
internal static class ProcessUsage
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat (100 on every Linux architecture podnet targets).
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU time of every thread of <paramref name="pid"/> so far (10 ms resolution).</summary>
    public static TimeSpan Cpu(int pid)
    {
        (TimeSpan user, TimeSpan system) = UserSystem(pid);
        return user + system;
    }

    /// <summary>User and system CPU time of every thread of <paramref name="pid"/> so far (10 ms resolution).</summary>
    public static (TimeSpan User, TimeSpan System) UserSystem(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // Fields 14 and 15 of stat(5) are utime and stime; the split starts at field 3 (state).
        return (TimeSpan.FromSeconds(long.Parse(fields[11], CultureInfo.InvariantCulture) / TicksPerSecond),
            TimeSpan.FromSeconds(long.Parse(fields[12], CultureInfo.InvariantCulture) / TicksPerSecond));
    }

    /// <summary>A <c>kB</c> line of <c>/proc/PID/status</c> (<c>VmRSS</c>, <c>VmHWM</c>) in KiB.</summary>
    public static long StatusKib(int pid, string field)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no {field}");
    }

    /// <summary>The number of threads of <paramref name="pid"/>.</summary>
    public static int Threads(int pid) => (int)StatusKib(pid, "Threads");
}
