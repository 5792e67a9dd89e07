namespace Podnet.Testing;

/// <summary>The published NativeAOT <c>podnet</c>: <c>PODNET_BINARY</c> when set, else <c>artifacts/bin/podnet</c>.</summary>
internal static class PodnetBinary
{
    private static readonly Lazy<string> s_path = new(Locate);

    /// <summary>The absolute path of the binary; fails with instructions when it has not been published.</summary>
    public static string Path => s_path.Value;

    /// <summary>Where the binary should be, whether or not it is there (for test data built before any test runs).</summary>
    public static string ExpectedPath
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("PODNET_BINARY");
            return !string.IsNullOrEmpty(fromEnvironment)
                ? System.IO.Path.GetFullPath(fromEnvironment)
                : System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "bin", "podnet");
        }
    }

    private static string Locate()
    {
        string path = ExpectedPath;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the podnet binary is missing at {path}: run ./build.sh publish (or set PODNET_BINARY)", path);
    }
}
