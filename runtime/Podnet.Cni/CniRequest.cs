namespace Podnet.Cni;

/// <summary>One invocation: the command, its environment, and the configuration read from stdin.</summary>
public sealed class CniRequest
{
    /// <summary>The command.</summary>
    public required CniCommand Command { get; init; }

    /// <summary><c>CNI_CONTAINERID</c> (empty for STATUS, GC and VERSION).</summary>
    public string ContainerId { get; init; } = string.Empty;

    /// <summary><c>CNI_NETNS</c>: path to the container's network namespace (may be empty for DEL).</summary>
    public string Netns { get; init; } = string.Empty;

    /// <summary><c>CNI_IFNAME</c>: the interface to create inside the container.</summary>
    public string InterfaceName { get; init; } = string.Empty;

    /// <summary>Parsed <c>CNI_ARGS</c>.</summary>
    public CniArgs Args { get; init; } = CniArgs.Empty;

    /// <summary><c>CNI_PATH</c>, split on <c>:</c>.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>The raw configuration from stdin (UTF-8 JSON).</summary>
    public ReadOnlyMemory<byte> Config { get; init; }

    /// <summary>The configuration's <c>cniVersion</c>: results are written in this version.</summary>
    public string CniVersion { get; init; } = Podnet.Cni.CniVersion.Latest;

    /// <summary>The configuration's <c>name</c>.</summary>
    public string NetworkName { get; init; } = string.Empty;

    /// <summary>The configuration's <c>type</c>.</summary>
    public string PluginType { get; init; } = string.Empty;

    /// <summary>The environment the plugin was started with (passed on to delegated plugins).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
