using System.IO.Compression;
using System.Xml.Linq;
using Podnet.Testing;
using Podnet.Testing.Repository;

namespace Podnet.Packages.Tests;

/// <summary>
/// Packs Podnet.Netlink, Podnet.Cni and Podnet.Netlink.Testing from this source tree once per test run, as
/// <c>./build.sh pack</c> does, but into a temporary local feed, with a version no earlier run used
/// (<c>&lt;Version&gt;-consumer.&lt;time&gt;.&lt;pid&gt;</c>) and build output of its own (<c>--artifacts-path</c>), so neither a
/// package cache nor a concurrent build of the solution can mask or disturb what is tested. Each package is also
/// extracted, for tests that load its analyzers. The consumer's restores use a package folder of their own.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>The packaged projects, relative to the repository root.</summary>
    public static readonly string[] Projects =
    [
        "runtime/Podnet.Netlink/Podnet.Netlink.csproj",
        "runtime/Podnet.Cni/Podnet.Cni.csproj",
        "runtime/Podnet.Netlink.Testing/Podnet.Netlink.Testing.csproj",
    ];

    public PackedPackages()
    {
        Root = Directory.CreateTempSubdirectory("pn-packages-").FullName;
        try
        {
            string baseVersion = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"))
                .Descendants("Version").Single().Value;
            Version = $"{baseVersion}-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            Feed = Path.Combine(Root, "feed");
            var output = new System.Text.StringBuilder();
            foreach (string project in Projects)
            {
                (int exitCode, string text) = DotnetCli.Run(RepositoryRoot.Path,
                [
                    "pack", project, "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(Root, "build"),
                    $"-p:Version={Version}", "-warnaserror", .. DotnetCli.NoServers,
                ]);
                output.Append(text);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"dotnet pack {project} exited {exitCode}:\n{text}");
                }
            }

            PackOutput = output.ToString();
            foreach (string package in Directory.GetFiles(Feed, "*.nupkg"))
            {
                ZipFile.ExtractToDirectory(package, Path.Combine(Root, "extracted", Path.GetFileName(package)[..^".nupkg".Length]));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The temporary directory holding feed, build output, extracted packages and consumers.</summary>
    public string Root { get; }

    /// <summary>The version every package was packed with.</summary>
    public string Version { get; } = "";

    /// <summary>The local feed: the <c>.nupkg</c> and <c>.snupkg</c> files.</summary>
    public string Feed { get; } = "";

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; } = "";

    /// <summary>The package folder the consumer's restores use (never the machine's, so nothing cached can stand in).</summary>
    public string PackageFolder => Path.Combine(Root, "nuget-packages");

    /// <summary>The path of a packed file, for example <c>Podnet.Netlink.0.1.0-….nupkg</c>.</summary>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>The directory <paramref name="id"/>'s package was extracted to (its package root).</summary>
    public string Extracted(string id) => Path.Combine(Root, "extracted", $"{id}.{Version}");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
