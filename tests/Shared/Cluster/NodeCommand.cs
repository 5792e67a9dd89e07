using System.Diagnostics;

namespace Podnet.Testing;

/// <summary>
/// Runs a binary on a simulated node the way a container runtime or an operator's shell does: forked from a thread
/// inside the node's network namespace, with exactly the environment given, optional input on stdin, and waits for it.
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
        ProcessStartInfo info = RuntimeProcess.StartInfo(binary, environment ?? new Dictionary<string, string>());
        foreach (string argument in arguments ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = RuntimeProcess.Start(netnsPath, info);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            process.WaitForExit();
            throw new TimeoutException($"{binary} {string.Join(' ', arguments ?? [])} did not finish in time:\n{stdout.GetAwaiter().GetResult()}{stderr.GetAwaiter().GetResult()}");
        }

        return new Outcome(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
