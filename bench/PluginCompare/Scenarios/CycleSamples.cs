namespace Podnet.PluginCompare.Scenarios;

/// <summary>Per-cycle measurements of one plugin: wall times (ms), CPU of the process tree (ms).</summary>
internal sealed class CycleSamples
{
    public List<double> Add { get; } = [];

    public List<double> Del { get; } = [];

    public List<double> Cycle { get; } = [];

    public List<double> AddCpu { get; } = [];

    public List<double> DelCpu { get; } = [];
}
