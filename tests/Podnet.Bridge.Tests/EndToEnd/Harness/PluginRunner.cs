using System.Diagnostics;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>
/// Executes a plugin inside a node's network namespace. The child is forked from a dedicated thread that has entered
/// the namespace, so the plugin process lives there from its first instruction, exactly like a runtime on that node.
/// </summary>
public static class PluginRunner
{
    /// <summary>Runs <paramref name="invocation"/> to completion in the namespace at <paramref name="nodeNamespacePath"/>.</summary>
    public static PluginOutcome Run(string nodeNamespacePath, PluginInvocation invocation) =>
        Start(nodeNamespacePath, [invocation])[0].Wait();

    /// <summary>How long a plugin may run before it is killed.</summary>
    internal static TimeSpan TimeLimit { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Starts every invocation at once (all processes exist before the first is awaited).</summary>
    public static IReadOnlyList<RunningPlugin> Start(string nodeNamespacePath, IReadOnlyList<PluginInvocation> invocations)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        List<Process> processes = RuntimeProcess.StartAll(
            nodeNamespacePath, [.. invocations.Select(invocation => RuntimeProcess.StartInfo(invocation.Executable, invocation.Environment))]);
        return [.. processes.Select((p, i) => new RunningPlugin(invocations[i], p))];
    }
}
