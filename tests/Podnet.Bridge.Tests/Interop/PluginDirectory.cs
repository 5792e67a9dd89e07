using Podnet.Bridge.Tests.EndToEnd.BadInput;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>The plugin search path for one test: the plugin under test beside host-local and portmap.</summary>
public static class PluginDirectory
{
    /// <summary>The reference plugins installed by Debian's containernetworking-plugins.</summary>
    public const string Reference = "/usr/lib/cni";

    /// <summary>The plugins every configuration list under test chains with the plugin under test.</summary>
    public static readonly IReadOnlyList<string> Companions = ["host-local", "portmap"];

    /// <summary>
    /// Returns a directory where <paramref name="pluginType"/> is <paramref name="pluginBinary"/>, next to the
    /// reference host-local and portmap: the binary's own directory when it already is one (the reference
    /// plugins), else a copy of all three under <paramref name="scratchDirectory"/>.
    /// </summary>
    public static string Prepare(string pluginType, string pluginBinary, string scratchDirectory)
    {
        if (!File.Exists(pluginBinary))
        {
            throw new FileNotFoundException(
                $"plugin binary for type \"{pluginType}\" not found at {pluginBinary} (for podnet: ./build.sh publish, or set PODNET_BINARY)",
                pluginBinary);
        }

        string binaryDirectory = Path.GetDirectoryName(Path.GetFullPath(pluginBinary))!;
        if (Path.GetFileName(pluginBinary) == pluginType
            && Companions.All(name => File.Exists(Path.Combine(binaryDirectory, name))))
        {
            return binaryDirectory;
        }

        string directory = Path.Combine(scratchDirectory, "plugins");
        Directory.CreateDirectory(directory);
        CopyExecutable(pluginBinary, Path.Combine(directory, pluginType));
        foreach (string name in Companions)
        {
            CopyExecutable(Path.Combine(PluginDirectory.Reference, name), Path.Combine(directory, name));
        }

        return directory;
    }

    private static void CopyExecutable(string source, string destination)
    {
        File.Copy(source, destination, overwrite: true);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(destination,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
