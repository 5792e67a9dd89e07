
namespace Podnet.PluginCompare.Reporting;

/// <summary>The few facts about the machine that a latency figure needs next to it.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        string kernel = ReadFirstLine("/proc/sys/kernel/osrelease") ?? "unknown kernel";
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
        string load = ReadFirstLine("/proc/loadavg") is { } l ? string.Join(' ', l.Split(' ').Take(3)) : "?";
        return $"Linux {kernel}, {Environment.ProcessorCount} CPUs ({cpu}), load average at start {load}";
    }

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
}
