namespace Podnet.PluginCompare.Scenarios;

/// <summary>In-process ADD+DEL measurements: wall times (ms) and managed bytes allocated per cycle.</summary>
internal sealed class FloorSamples
{
    public List<double> Add { get; } = [];

    public List<double> Del { get; } = [];

    public List<double> Cycle { get; } = [];

    public List<double> AllocatedBytes { get; } = [];
}
