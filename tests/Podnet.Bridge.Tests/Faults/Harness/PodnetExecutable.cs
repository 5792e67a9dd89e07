namespace Podnet.Bridge.Tests.Faults;

/// <summary>The published NativeAOT plugin: <c>PODNET_BINARY</c> when set, else <c>artifacts/bin/podnet</c> of the repository.</summary>
internal static class PodnetExecutable
{
    private static readonly Lazy<string> s_path = new(Locate);

    public static string Path => s_path.Value;

    public static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Generated.sln above {AppContext.BaseDirectory}");
    }

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("PODNET_BINARY");
        string path = !string.IsNullOrEmpty(fromEnvironment)
            ? System.IO.Path.GetFullPath(fromEnvironment)
            : System.IO.Path.Combine(RepositoryRoot(), "artifacts", "bin", "podnet");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the podnet binary is missing at {path}: run ./build.sh publish (or set PODNET_BINARY)", path);
    }
}
