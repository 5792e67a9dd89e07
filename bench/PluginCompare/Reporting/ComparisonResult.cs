using Podnet.PluginCompare.Scenarios;

namespace Podnet.PluginCompare.Reporting;

/// <summary>Everything one run measured.</summary>
internal sealed class ComparisonResult
{
    public required Dictionary<string, CycleSamples> Cycles { get; init; }

    public required Dictionary<string, (List<double> Add, List<double> Del)> Concurrent { get; init; }

    /// <summary>Peak RSS (KiB) of ADD and DEL per plugin, from GNU time.</summary>
    public required Dictionary<string, (List<double> Add, List<double> Del)> PeakMemory { get; init; }

    /// <summary>What GNU time reports for <c>/bin/true</c>: no figure can be below it.</summary>
    public required double PeakMemoryFloorKiB { get; init; }

    public required Dictionary<string, List<double>> Fill { get; init; }

    public required FloorSamples Floor { get; init; }

    public required long ReferenceBridgeBytes { get; init; }

    public required long ReferenceHostLocalBytes { get; init; }

    public required long PodnetBytes { get; init; }

    public required string ReferenceVersion { get; init; }

    public required int Concurrency { get; init; }
}
