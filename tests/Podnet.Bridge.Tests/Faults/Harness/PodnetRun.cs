namespace Podnet.Bridge.Tests.Faults;

/// <summary>How one plugin process ended.</summary>
/// <param name="ExitCode">The exit code (137-like values are not reported: a killed process has <see cref="Killed"/> set).</param>
/// <param name="Killed">True if the test sent SIGKILL before the process exited on its own.</param>
/// <param name="Elapsed">Time from the process start to its end.</param>
/// <param name="Stdout">What the plugin wrote to stdout.</param>
/// <param name="Stderr">What the plugin wrote to stderr.</param>
internal sealed record PodnetRun(int ExitCode, bool Killed, TimeSpan Elapsed, string Stdout, string Stderr)
{
    public bool Succeeded => !Killed && ExitCode == 0;

    public override string ToString() => Killed ? $"killed after {Elapsed.TotalMilliseconds:F1} ms" : $"exit {ExitCode} after {Elapsed.TotalMilliseconds:F1} ms: {Stdout} {Stderr}";
}
