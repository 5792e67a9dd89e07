using Podnet.Testing.Processes;

namespace Podnet.Cni.Tests.Commands.Support;

/// <summary>
/// Runs a reference plugin binary exactly as a container runtime does (<see cref="RuntimeRun"/>, the tests' one
/// launcher): a clean environment with only the CNI variables, the configuration on stdin, the result or error object
/// on stdout. The runtime's own tests run podnet in process; the podnet binary is run by the plugin's tests.
/// </summary>
internal static class PluginProcess
{
    /// <summary>Runs <paramref name="binary"/>; with <paramref name="netnsPath"/> the child starts inside that namespace.</summary>
    public static Task<HostOutcome> RunAsync(string binary, IReadOnlyDictionary<string, string> environment, string? stdin, string? netnsPath = null)
    {
        RuntimeOutcome outcome = RuntimeRun.Run(netnsPath, RuntimeRun.StartInfo(binary, environment), stdin);
        return Task.FromResult(new HostOutcome(outcome.ExitCode, outcome.Stdout, outcome.Stderr));
    }
}
