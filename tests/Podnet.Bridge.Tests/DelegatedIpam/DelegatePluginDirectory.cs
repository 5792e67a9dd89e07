using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>
/// A private <c>CNI_PATH</c> directory in a <see cref="TestNode"/>'s work directory, holding the IPAM plugins podnet
/// is to delegate to: copies of the reference binaries under other names, and shell scripts that record how they
/// were called; and a private <c>dataDir</c> for the host-local copy. The node's runtime passes it as
/// <c>CNI_PATH</c>, so podnet finds the test's delegates there and nowhere else; both go with the node.
/// </summary>
public sealed class DelegatePluginDirectory
{
    /// <summary>The reference host-local, copied under another name so podnet cannot be handling it in process.</summary>
    public const string HostLocalCopy = "hl-delegate";

    /// <summary>The recorder in front of the host-local copy that most tests delegate to.</summary>
    public const string Recorder = "rec-ipam";

    private const string CallLogSuffix = ".calls";

    private DelegatePluginDirectory(TestNode node, string path, string dataDirectory)
    {
        Node = node;
        Path = path;
        DataDirectory = dataDirectory;
    }

    /// <summary>The node whose runtime uses this directory.</summary>
    public TestNode Node { get; }

    /// <summary>The directory to pass as <c>CNI_PATH</c>.</summary>
    public string Path { get; }

    /// <summary>The <c>dataDir</c> for the host-local copy (never /var/lib/cni).</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// Creates the directories in <paramref name="node"/>'s work directory with <see cref="HostLocalCopy"/> and
    /// <see cref="Recorder"/> in front of it, and makes them the node's <c>CNI_PATH</c>.
    /// </summary>
    public static DelegatePluginDirectory Install(TestNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string path = Directory.CreateDirectory(System.IO.Path.Combine(node.Directory, "delegate-bin")).FullName;
        string dataDirectory = Directory.CreateDirectory(System.IO.Path.Combine(node.Directory, "delegate-ipam")).FullName;
        var directory = new DelegatePluginDirectory(node, path, dataDirectory);
        directory.AddCopy(HostLocalCopy, System.IO.Path.Combine(PluginInvocation.DefaultCniPath, "host-local"));
        directory.AddRecorder(Recorder, HostLocalCopy);
        node.CniPath = path;
        return directory;
    }

    /// <summary>The delegate host-local's store for the node's network: one file per reserved IP.</summary>
    public string DelegateStore => System.IO.Path.Combine(DataDirectory, Node.NetworkName);

    /// <summary>The node's bridge network with <paramref name="ipam"/> as its <c>ipam</c> object.</summary>
    public JsonObject Config(JsonObject ipam, string cniVersion = "1.0.0") => Node.Config(cniVersion).With("ipam", ipam);

    /// <summary>An <c>ipam</c> object for the host-local copy behind <paramref name="type"/> with one range set.</summary>
    public JsonObject HostLocalIpam(string subnet, string type = Recorder) => new()
    {
        ["type"] = type,
        ["dataDir"] = DataDirectory,
        ["ranges"] = new JsonArray(new JsonArray(new JsonObject { ["subnet"] = subnet })),
    };

    /// <summary>The IP files (host-local's reservations) in the delegate's store.</summary>
    public List<string> DelegateReservations() =>
        [.. IpamStoreSnapshot.FileNames(DelegateStore).Where(name => IPAddress.TryParse(name, out _))];

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
}
