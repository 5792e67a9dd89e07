using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Podnet.Testing.Repository;

namespace Podnet.Testing.Nodes;

/// <summary>
/// One plugin execution as a container runtime performs it: the <c>CNI_*</c> environment and the configuration
/// written to stdin. Immutable; <see cref="With"/> and <see cref="Without"/> derive variants.
/// </summary>
/// <param name="Executable">The plugin executable.</param>
/// <param name="Environment">The complete environment of the child (nothing is inherited but these).</param>
/// <param name="Stdin">The bytes written to stdin, normally the network configuration.</param>
public sealed record PluginInvocation(string Executable, ImmutableSortedDictionary<string, string> Environment, string Stdin)
{
    /// <summary>The directories a runtime passes as <c>CNI_PATH</c>.</summary>
    public const string DefaultCniPath = "/usr/lib/cni";

    /// <summary>A command for the podnet binary with <c>PATH</c> and <c>CNI_PATH</c> set.</summary>
    public static PluginInvocation Create(string command, JsonNode? config) => Create(command, config?.ToJsonString() ?? string.Empty);

    /// <summary>A command for the podnet binary with raw stdin.</summary>
    public static PluginInvocation Create(string command, string stdin) =>
        new(
            PodnetBinary.Path,
            ImmutableSortedDictionary.CreateRange<string, string>(
                StringComparer.Ordinal,
                [
                    new("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                    new("CNI_COMMAND", command),
                    new("CNI_PATH", DefaultCniPath),
                ]),
            stdin);

    /// <summary>Adds the variables naming an attachment: container id, netns path and interface name.</summary>
    public PluginInvocation ForAttachment(string containerId, string netns, string interfaceName) =>
        With("CNI_CONTAINERID", containerId).With("CNI_NETNS", netns).With("CNI_IFNAME", interfaceName);

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public PluginInvocation With(string name, string value) => this with { Environment = Environment.SetItem(name, value) };

    /// <summary>A copy without the variable <paramref name="name"/>.</summary>
    public PluginInvocation Without(string name) => this with { Environment = Environment.Remove(name) };

    /// <summary>A copy with different stdin.</summary>
    public PluginInvocation WithStdin(string stdin) => this with { Stdin = stdin };

    /// <summary>A copy running another executable (the reference plugin).</summary>
    public PluginInvocation WithExecutable(string executable) => this with { Executable = executable };

    /// <inheritdoc/>
    public override string ToString() =>
        $"{string.Join(' ', Environment.Where(e => e.Key.StartsWith("CNI_", StringComparison.Ordinal)).Select(e => $"{e.Key}={e.Value}"))} {System.IO.Path.GetFileName(Executable)} <<< {Stdin}";
}
