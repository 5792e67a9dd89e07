using System.Diagnostics;

namespace Podnet.AgentBench;

/// <summary>Runs short-lived commands (ip, podnet, podnetd verbs) and times them.</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="file"/> to completion; throws with its output when it fails. Returns stdout and the wall time.</summary>
    public static (string Output, TimeSpan Elapsed) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        long start = Stopwatch.GetTimestamp();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}{stdout}");
        }

        return (stdout, elapsed);
    }

    /// <summary>Runs a command inside the named network namespace through <c>ip netns exec</c>.</summary>
    public static (string Output, TimeSpan Elapsed) InNamespace(string name, string file, params string[] arguments) =>
        Run("ip", ["netns", "exec", name, file, .. arguments]);
}
