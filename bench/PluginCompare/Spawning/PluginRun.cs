namespace Podnet.PluginCompare.Spawning;

/// <summary>What one plugin invocation did: exit code, output, wall time and the process tree's resource usage.</summary>
internal sealed record PluginRun(
    int ExitCode,
    string Stdout,
    string Stderr,
    long StartTimestamp,
    long EndTimestamp,
    long MaxResidentKiB,
    double CpuMilliseconds)
{
    public double ElapsedMilliseconds => (EndTimestamp - StartTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    public bool Succeeded => ExitCode == 0;
}
