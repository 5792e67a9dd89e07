namespace Podnet.Testing.Repository;

/// <summary>The repository checkout the tests run from: the nearest ancestor holding <c>Generated.sln</c>.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    /// <summary>The repository root, searched above the test binaries, then above the working directory.</summary>
    public static string Path => s_path.Value;

    private static string Find()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Generated.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no Generated.sln above {AppContext.BaseDirectory}");
    }
}
