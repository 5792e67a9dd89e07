namespace Podnet.Testing.Repository;

/// <summary>The published NativeAOT <c>podnet</c>: <c>PODNET_BINARY</c> when set, else <c>artifacts/bin/podnet</c>.</summary>
internal static class PodnetBinary
{
    private static readonly PublishedBinary s_binary = new("podnet", "PODNET_BINARY");

    /// <summary>The absolute path of the binary; fails with instructions when it has not been published.</summary>
    public static string Path => s_binary.Path;

    /// <summary>Where the binary should be, whether or not it is there (for test data built before any test runs).</summary>
    public static string ExpectedPath => s_binary.ExpectedPath;
}
