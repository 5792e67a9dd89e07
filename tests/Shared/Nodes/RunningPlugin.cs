using Podnet.Testing.Processes;

namespace Podnet.Testing.Nodes;

/// <summary>A started plugin process (<see cref="TestNode.Start"/>).</summary>
public sealed class RunningPlugin
{
    private readonly RuntimeRun _run;

    internal RunningPlugin(PluginInvocation invocation, RuntimeRun run)
    {
        Invocation = invocation;
        _run = run;
    }

    /// <summary>What was started.</summary>
    public PluginInvocation Invocation { get; }

    /// <summary>
    /// Waits for the exit (killing the process after <see cref="RuntimeRun.DefaultTimeLimit"/>) and collects the output;
    /// with <paramref name="killAfter"/>, SIGKILLs it that long after the start unless it has exited by then.
    /// </summary>
    public PluginOutcome Wait(TimeSpan? killAfter = null)
    {
        using (_run)
        {
            return new PluginOutcome(Invocation, _run.Wait(killAfter: killAfter));
        }
    }
}
