using System.Runtime.CompilerServices;

namespace Podnet.Cni.Generators.Tests.Support;

/// <summary>The real schema files under <c>specs/cni</c>, found relative to this source file.</summary>
internal static class SchemaFiles
{
    public static string Directory() => Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "..", "specs", "cni"));

    public static IReadOnlyList<InMemoryAdditionalText> Real() =>
        System.IO.Directory.GetFiles(Directory(), "*.schema.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p)))
            .ToList();

    private static string ThisDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
