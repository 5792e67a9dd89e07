using Podnet.PluginCompare.Node;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare.Scenarios;

/// <summary>Runs one CNI command of a plugin as a process on the simulated node and insists that it succeeded.</summary>
internal sealed class PluginInvoker(SimulatedNode node)
{
    public SimulatedNode Node => node;

    public PluginRun Run(PluginUnderTest plugin, string command, string containerId, string podNamespace) =>
        Run(plugin, command, containerId, podNamespace, []);

    /// <summary>Runs the plugin behind <paramref name="wrapper"/> (for example <c>/usr/bin/time -f %M</c>).</summary>
    public PluginRun Run(PluginUnderTest plugin, string command, string containerId, string podNamespace, IReadOnlyList<string> wrapper)
    {
        ChildProcess child = node.Start([.. wrapper, plugin.Executable], plugin.Environment(command, containerId, podNamespace), plugin.Config);
        return EnsureSucceeded(plugin, command, child.Complete());
    }

    public static PluginRun EnsureSucceeded(PluginUnderTest plugin, string command, PluginRun run) =>
        run.Succeeded
            ? run
            : throw new InvalidOperationException(
                $"{plugin.Label} {command} exited with {run.ExitCode}: {run.Stdout.Trim()} {run.Stderr.Trim()}".Trim());
}
