
namespace Podnet.Netlink.Generators.Tests.Diagnostics;

/// <summary>The repository root: the first folder above the test binaries that holds <c>Generated.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generated.sln above {AppContext.BaseDirectory}.");
    }
}
