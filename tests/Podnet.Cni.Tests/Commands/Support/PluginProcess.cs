using System.Diagnostics;

namespace Podnet.Cni.Tests.Commands;

/// <summary>
/// Runs a plugin binary exactly as a container runtime does: a clean environment with only the CNI variables, the
/// configuration on stdin, the result or error object on stdout.
/// </summary>
internal static class PluginProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="binary"/>; with <paramref name="netnsPath"/> the child starts inside that namespace.</summary>
    public static async Task<HostOutcome> RunAsync(string binary, IReadOnlyDictionary<string, string> environment, string? stdin, string? netnsPath = null)
    {
        // fork() copies the calling thread's network namespace: starting the child on a thread that entered the
        // node namespace puts the plugin there, and the test process itself never leaves its own.
        using Process process = RuntimeProcess.Start(netnsPath, RuntimeProcess.StartInfo(binary, environment));
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            if (!string.IsNullOrEmpty(stdin))
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The plugin may answer (an environment error, say) and exit before it reads stdin: a broken pipe.
        }
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"{binary} did not finish within {Timeout}");
        }

        return new HostOutcome(process.ExitCode, await output, await error);
    }
}
