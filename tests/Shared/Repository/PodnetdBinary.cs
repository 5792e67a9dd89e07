namespace Podnet.Testing.Repository;

/// <summary>The published NativeAOT <c>podnetd</c> (with <c>podnet</c> beside it): <c>PODNETD_BINARY</c> when set, else <c>artifacts/bin/podnetd</c>.</summary>
internal static class PodnetdBinary
{
    private static readonly PublishedBinary s_binary = new("podnetd", "PODNETD_BINARY");

    /// <summary>The absolute path of the binary; fails with instructions when it has not been published.</summary>
    public static string Path => s_binary.Path;
}
