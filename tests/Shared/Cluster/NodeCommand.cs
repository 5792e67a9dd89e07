using Podnet.Testing.Processes;

namespace Podnet.Testing.Cluster;

/// <summary>
/// Runs a binary on a simulated node the way a container runtime or an operator's shell does: forked from a thread
/// inside the node's network namespace, with exactly the environment given, optional input on stdin, and waits for it
/// (<see cref="RuntimeRun"/>, the launcher every fixture shares).
/// </summary>
internal static class NodeCommand
{
    /// <summary>How a command ended: its exit code and everything it printed.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Both streams, for failure messages.</summary>
        public string Output => Stdout + Stderr;
    }

    /// <summary>Runs <paramref name="binary"/> in the namespace at <paramref name="netnsPath"/> (the caller's own when null) and waits for it.</summary>
    public static Outcome Run(string? netnsPath, string binary, IReadOnlyDictionary<string, string>? environment, string? stdin, IReadOnlyList<string>? arguments = null, TimeSpan? timeout = null)
    {
        RuntimeOutcome outcome = RuntimeRun.Run(netnsPath, RuntimeRun.StartInfo(binary, environment, arguments), stdin, timeout);
        return new Outcome(outcome.ExitCode, outcome.Stdout, outcome.Stderr);
    }
}
