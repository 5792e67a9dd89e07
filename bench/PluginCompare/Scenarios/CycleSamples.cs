namespace Podnet.PluginCompare.Scenarios;

/// <summary>Per-cycle measurements of one plugin: wall times (ms), peak RSS of the process tree (KiB), CPU (ms).</summary>
internal sealed class CycleSamples
{
    public List<double> Add { get; } = [];

    public List<double> Del { get; } = [];

    public List<double> Cycle { get; } = [];

    public List<double> AddRssKiB { get; } = [];

    public List<double> DelRssKiB { get; } = [];

    public List<double> AddCpu { get; } = [];

    public List<double> DelCpu { get; } = [];
}
