using System.Diagnostics;
using Podnet.Netlink;

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
        List<Process> processes = NetworkNamespace.RunInNamespace(nodeNamespacePath, () =>
        {
            var started = new List<Process>(invocations.Count);
            try
            {
                foreach (PluginInvocation invocation in invocations)
                {
                    started.Add(Process.Start(StartInfo(invocation)) ?? throw new InvalidOperationException($"could not start {invocation.Executable}"));
                }
            }
            catch
            {
                foreach (Process process in started)
                {
                    process.Kill();
                    process.Dispose();
                }

                throw;
            }

            return started;
        });
        return [.. processes.Select((p, i) => new RunningPlugin(invocations[i], p))];
    }

    internal static ProcessStartInfo StartInfo(PluginInvocation invocation)
    {
        var info = new ProcessStartInfo(invocation.Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        info.Environment.Clear();
        foreach ((string name, string value) in invocation.Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
