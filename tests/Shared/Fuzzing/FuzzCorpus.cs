
namespace Podnet.Testing.Fuzzing;

/// <summary>The checked-in seeds: <c>tests/fuzz-corpus/&lt;area&gt;/&lt;Type&gt;/*</c>, one input per file.</summary>
public static class FuzzCorpus
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The directory of <paramref name="area"/> (<c>netlink</c> or <c>cni</c>).</summary>
    public static string AreaDirectory(string area) => Path.Combine(s_root.Value, area);

    /// <summary>The seeds of one type, sorted by file name; empty if the type has no directory.</summary>
    public static IReadOnlyList<FuzzSeed> Load(string area, string typeName)
    {
        string directory = Path.Combine(AreaDirectory(area), typeName);
        return Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).Select(f => new FuzzSeed(Path.GetFileName(f), File.ReadAllBytes(f)))]
            : [];
    }

    /// <summary>The seeds of every type of the area (for splicing across types).</summary>
    public static IReadOnlyList<FuzzSeed> LoadAll(string area) =>
        [.. Directory.EnumerateFiles(AreaDirectory(area), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new FuzzSeed(Path.GetRelativePath(AreaDirectory(area), f), File.ReadAllBytes(f)))];

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "fuzz-corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no tests/fuzz-corpus above {AppContext.BaseDirectory}");
    }
}
