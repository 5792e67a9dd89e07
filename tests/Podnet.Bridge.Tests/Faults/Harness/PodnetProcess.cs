using System.Diagnostics;

namespace Podnet.Bridge.Tests.Faults;

/// <summary>
/// Runs the plugin as a container runtime does (env + stdin, stdout + exit code), forked from a thread that has entered
/// the node's network namespace so the child lives there from its first instruction; optionally SIGKILLs it after a delay.
/// </summary>
internal static class PodnetProcess
{
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromSeconds(60);

    /// <summary>Runs to completion.</summary>
    public static PodnetRun Run(string nodeNamespacePath, IReadOnlyDictionary<string, string> environment, string stdin) =>
        Run(nodeNamespacePath, environment, stdin, killAfter: null);

    /// <summary>Runs, and sends SIGKILL <paramref name="killAfter"/> after the start unless the process has exited by then.</summary>
    public static PodnetRun Run(string nodeNamespacePath, IReadOnlyDictionary<string, string> environment, string stdin, TimeSpan? killAfter)
    {
        var clock = new Stopwatch();
        using Process process = RuntimeProcess.StartAll(nodeNamespacePath, [RuntimeProcess.StartInfo(PodnetBinary.Path, environment)], clock)[0];
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The plugin may be gone already (killed, or it failed before reading stdin).
        }

        bool killed = false;
        if (killAfter is { } delay)
        {
            while (clock.Elapsed < delay && !process.HasExited)
            {
                TimeSpan left = delay - clock.Elapsed;
                if (left > TimeSpan.FromMilliseconds(2))
                {
                    Thread.Sleep(left - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL on Unix.
                killed = true;
            }
        }

        if (!process.WaitForExit(s_timeLimit))
        {
            process.Kill();
            throw new TimeoutException($"podnet did not finish within {s_timeLimit}");
        }

        process.WaitForExit();
        clock.Stop();

        // A kill that raced with a normal exit is not a kill.
        killed &= process.ExitCode == 128 + 9 || process.ExitCode == -1 || process.ExitCode == 9;
        return new PodnetRun(process.ExitCode, killed, clock.Elapsed, stdout.Result, stderr.Result);
    }
}
