using Podnet.PluginCompare.Node;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare.Scenarios;

/// <summary>Runs one CNI command of a plugin as a process on the simulated node and insists that it succeeded.</summary>
internal sealed class PluginInvoker(SimulatedNode node)
{
    public SimulatedNode Node => node;

    public PluginRun Run(PluginUnderTest plugin, string command, string containerId, string podNamespace)
    {
        ChildProcess child = node.Start(plugin.Executable, plugin.Environment(command, containerId, podNamespace), plugin.Config);
        return EnsureSucceeded(plugin, command, child.Complete());
    }

    public static PluginRun EnsureSucceeded(PluginUnderTest plugin, string command, PluginRun run) =>
        run.Succeeded
            ? run
            : throw new InvalidOperationException(
                $"{plugin.Label} {command} exited with {run.ExitCode}: {run.Stdout.Trim()} {run.Stderr.Trim()}".Trim());
}
