using Podnet.Bridge.Tests.EndToEnd;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>
/// A private <c>CNI_PATH</c> directory for one test, holding the IPAM plugins podnet is to delegate to: copies of
/// the reference binaries under other names, and shell scripts that record how they were called. Also owns a
/// private <c>dataDir</c> for the host-local copy. Dispose removes both.
/// </summary>
public sealed class DelegatePluginDirectory : IDisposable
{
    /// <summary>The reference host-local, copied under another name so podnet cannot be handling it in process.</summary>
    public const string HostLocalCopy = "hl-delegate";

    private const string CallLogSuffix = ".calls";

    private DelegatePluginDirectory(string path, string dataDirectory)
    {
        Path = path;
        DataDirectory = dataDirectory;
    }

    /// <summary>The directory to pass as <c>CNI_PATH</c>.</summary>
    public string Path { get; }

    /// <summary>The <c>dataDir</c> for the host-local copy (never /var/lib/cni).</summary>
    public string DataDirectory { get; }

    /// <summary>Creates the directory with <see cref="HostLocalCopy"/> in it.</summary>
    public static DelegatePluginDirectory Create()
    {
        string path = Directory.CreateTempSubdirectory("pn-deleg-path-").FullName;
        string dataDirectory = Directory.CreateTempSubdirectory("pn-deleg-data-").FullName;
        var directory = new DelegatePluginDirectory(path, dataDirectory);
        directory.AddCopy(HostLocalCopy, System.IO.Path.Combine(PluginInvocation.DefaultCniPath, "host-local"));
        return directory;
    }

    /// <summary>host-local's store directory for <paramref name="networkName"/>: one file per reserved IP.</summary>
    public string StoreDirectory(string networkName) => System.IO.Path.Combine(DataDirectory, networkName);

    /// <summary>Copies an executable into the directory as <paramref name="name"/>.</summary>
    public void AddCopy(string name, string sourceBinary)
    {
        string target = System.IO.Path.Combine(Path, name);
        File.Copy(sourceBinary, target);
        MakeExecutable(target);
    }

    /// <summary>Writes a <c>/bin/sh</c> plugin <paramref name="name"/>; <c>$dir</c> is this directory inside the body.</summary>
    public void AddScript(string name, string body)
    {
        string target = System.IO.Path.Combine(Path, name);
        File.WriteAllText(target, "#!/bin/sh\ndir=$(dirname \"$0\")\n" + body + "\n");
        MakeExecutable(target);
    }

    /// <summary>
    /// A plugin <paramref name="name"/> that records each call (command line in a log, environment and stdin per
    /// command) and then runs <paramref name="target"/> from this directory with the same environment and stdin.
    /// </summary>
    public void AddRecorder(string name, string target)
    {
        AddScript(
            name,
            $"""
            echo "$CNI_COMMAND $CNI_CONTAINERID $CNI_IFNAME" >> "$dir/{name}{CallLogSuffix}"
            env > "$dir/{name}.env.$CNI_COMMAND"
            cat > "$dir/{name}.stdin.$CNI_COMMAND"
            exec "$dir/{target}" < "$dir/{name}.stdin.$CNI_COMMAND"
            """);
    }

    /// <summary>The <c>CNI_COMMAND</c>s a recorder saw, in order.</summary>
    public List<string> RecordedCommands(string recorder)
    {
        string log = System.IO.Path.Combine(Path, recorder + CallLogSuffix);
        return File.Exists(log) ? [.. File.ReadAllLines(log).Select(line => line.Split(' ')[0])] : [];
    }

    /// <summary>The environment a recorder last saw for <paramref name="command"/>.</summary>
    public Dictionary<string, string> RecordedEnvironment(string recorder, string command) =>
        File.ReadAllLines(System.IO.Path.Combine(Path, $"{recorder}.env.{command}"))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    /// <summary>The stdin a recorder last saw for <paramref name="command"/>.</summary>
    public string RecordedStdin(string recorder, string command) =>
        File.ReadAllText(System.IO.Path.Combine(Path, $"{recorder}.stdin.{command}"));

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("delegate IPAM plugins are Linux executables");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Removes the plugin directory and the data directory.</summary>
    public void Dispose()
    {
        Directory.Delete(Path, recursive: true);
        Directory.Delete(DataDirectory, recursive: true);
    }
}
