using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Podnet.Benchmarks.Netlink;

/// <summary>A short job (3 warm-ups, 10 iterations) so the codec benchmarks finish in a few minutes on a shared machine.</summary>
public sealed class ShortNetlinkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortNetlinkConfig() =>
        AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(10).WithId("Short"));
}
