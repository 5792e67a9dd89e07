using System.Diagnostics;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>Runs an executable to completion with an argument vector (never a shell line).</summary>
public static class ChildProcess
{
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromMinutes(3);

    /// <summary>Runs <paramref name="fileName"/> and collects its output; the process is killed when
    /// <paramref name="cancellationToken"/> fires or after three minutes.</summary>
    public static async Task<ProcessOutcome> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(s_timeLimit);
        using Process process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start {fileName}");
        // Nothing is sent on stdin; closing it keeps the child from reading the test host's.
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessOutcome(process.ExitCode, await stdout, await stderr);
    }
}
