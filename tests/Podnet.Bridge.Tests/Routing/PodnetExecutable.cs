namespace Podnet.Bridge.Tests.Routing;

/// <summary>The published NativeAOT <c>podnet</c> binary: <c>PODNET_BINARY</c> when set, else <c>artifacts/bin/podnet</c>.</summary>
public static class PodnetExecutable
{
    private static readonly Lazy<string> s_path = new(Locate);

    /// <summary>The binary's full path; fails with instructions when it has not been published.</summary>
    public static string Path => s_path.Value;

    /// <summary>Runs <c>podnet ARGS</c>, optionally inside a network namespace.</summary>
    public static Task<CommandOutcome> RunAsync(IEnumerable<string> arguments, string? netnsPath = null) =>
        OperatorCommand.RunAsync(Path, arguments, netnsPath);

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("PODNET_BINARY");
        string path = !string.IsNullOrEmpty(fromEnvironment) ? System.IO.Path.GetFullPath(fromEnvironment) : System.IO.Path.Combine(RepositoryRoot(), "artifacts", "bin", "podnet");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} does not exist: run ./build.sh publish first (or set PODNET_BINARY)", path);
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

        throw new InvalidOperationException($"no Generated.sln above {AppContext.BaseDirectory}");
    }
}
