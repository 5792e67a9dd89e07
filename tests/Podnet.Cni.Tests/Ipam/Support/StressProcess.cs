namespace Podnet.Cni.Tests.Ipam.Support;

/// <summary>The podnet allocator process (tests/Podnet.Ipam.Stress), copied next to the tests.</summary>
internal static class StressProcess
{
    public static string AssemblyPath { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Podnet.Ipam.Stress.dll");

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static Task<ProcessRun> AllocateAsync(string dataDirectory, string network, string containerId, string interfaceName, string subnets) =>
        ProcessRun.StartAsync(DotnetHost, [AssemblyPath, "alloc", dataDirectory, network, containerId, interfaceName, subnets]);

    public static Task<ProcessRun> ReleaseAsync(string dataDirectory, string network, string containerId, string interfaceName) =>
        ProcessRun.StartAsync(DotnetHost, [AssemblyPath, "release", dataDirectory, network, containerId, interfaceName]);
}
