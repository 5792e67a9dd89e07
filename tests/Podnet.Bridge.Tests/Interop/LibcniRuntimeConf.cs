using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>One runtime call's parameters, as libcni's <c>RuntimeConf</c> plus where to find plugins and cache.</summary>
/// <param name="ConflistPath">The network configuration list (or single configuration) file.</param>
/// <param name="NetnsPath">The container's network namespace file (<c>CNI_NETNS</c>).</param>
/// <param name="ContainerId">The container ID (<c>CNI_CONTAINERID</c>).</param>
/// <param name="IfName">The interface name inside the container (<c>CNI_IFNAME</c>).</param>
/// <param name="PluginDirectories">The plugin search path (<c>CNI_PATH</c>).</param>
/// <param name="CacheDirectory">libcni's result cache; never the machine's /var/lib/cni.</param>
public sealed record LibcniRuntimeConf(
    string ConflistPath,
    string NetnsPath,
    string ContainerId,
    string IfName,
    IReadOnlyList<string> PluginDirectories,
    string CacheDirectory)
{
    /// <summary>Capability arguments as a JSON object (e.g. <c>{"portMappings":[…]}</c>), or null.</summary>
    public string? CapabilityArgsJson { get; init; }

    /// <summary>The network namespace the driver (and so every plugin) runs in: the "node".
    /// Null runs it in the caller's namespace, which interop tests must never do.</summary>
    public NetworkNamespace? Node { get; init; }

    /// <summary>The driver's command-line arguments after the verb.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string>
        {
            "--conflist", ConflistPath,
            "--netns", NetnsPath,
            "--container-id", ContainerId,
            "--ifname", IfName,
            "--plugin-dir", string.Join(':', PluginDirectories),
            "--cache-dir", CacheDirectory,
        };
        if (CapabilityArgsJson is not null)
        {
            arguments.Add("--cap-args");
            arguments.Add(CapabilityArgsJson);
        }

        return arguments;
    }
}
