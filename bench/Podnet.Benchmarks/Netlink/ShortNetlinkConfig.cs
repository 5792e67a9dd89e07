using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Podnet.Benchmarks.Netlink;

/// <summary>A short job (5 warm-ups, 20 iterations, one launch) so the codec benchmarks finish in a few minutes on a shared machine.</summary>
public sealed class ShortNetlinkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortNetlinkConfig() =>
        AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(20).WithId("Short"));
}
