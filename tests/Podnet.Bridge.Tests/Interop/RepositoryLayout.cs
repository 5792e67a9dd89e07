namespace Podnet.Bridge.Tests.Interop;

/// <summary>Where the repository, its artifacts and the published plugin are.</summary>
public static class RepositoryLayout
{
    /// <summary>The reference plugins installed by Debian's containernetworking-plugins.</summary>
    public const string ReferencePluginDirectory = "/usr/lib/cni";

    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of the test binaries holding Generated.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The build output folder, <c>artifacts/</c>.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The published NativeAOT plugin: <c>PODNET_BINARY</c> when set, else <c>artifacts/bin/podnet</c>.</summary>
    public static string PodnetBinary
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("PODNET_BINARY");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }

            return Path.Combine(Root, "artifacts", "bin", "podnet");
        }
    }

    private static string FindRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no Generated.sln above {AppContext.BaseDirectory}");
    }
}
