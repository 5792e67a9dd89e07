namespace Podnet.Cni.Tests.Commands;

/// <summary>The published NativeAOT <c>podnet</c>: <c>PODNET_BINARY</c> when set, else <c>artifacts/bin/podnet</c>.</summary>
internal static class PodnetBinary
{
    public static string Path
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("PODNET_BINARY");
            string path = !string.IsNullOrEmpty(fromEnvironment) ? fromEnvironment : System.IO.Path.Combine(RepositoryRoot(), "artifacts", "bin", "podnet");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"the podnet binary is missing at {path}: run ./build.sh publish (or set PODNET_BINARY)", path);
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("cannot find the repository root (Generated.sln) above " + AppContext.BaseDirectory);
    }
}
