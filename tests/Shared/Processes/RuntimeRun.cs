using System.Diagnostics;

namespace Podnet.Testing.Processes;

/// <summary>How a process started by <see cref="RuntimeRun"/> ended.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Everything it wrote to stdout.</param>
/// <param name="Stderr">Everything it wrote to stderr.</param>
/// <param name="Elapsed">Time from the start of the first process of its batch to its end.</param>
/// <param name="Killed">Whether the caller's <c>killAfter</c> SIGKILLed it before it exited on its own.</param>
internal sealed record RuntimeOutcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool Killed)
{
    /// <summary>Both streams, for failure messages.</summary>
    public string Output => Stdout + Stderr;
}

/// <summary>
/// One process started the way a container runtime starts a CNI plugin (<see cref="RuntimeProcess"/>: exactly the
/// environment given, forked inside the node's network namespace), its stdin written and closed, its output collected.
/// The one launcher behind every fixture that runs a binary on a node: <see cref="Run"/> for one process,
/// <see cref="StartAll"/> for a burst, <see cref="Wait"/> with a time limit and an optional SIGKILL after a delay.
/// </summary>
internal sealed class RuntimeRun : IDisposable
{
    /// <summary>How long a process may run unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly Task _stdin;

    private RuntimeRun(string description, Process process, Stopwatch clock, string? stdin)
    {
        Description = description;
        _process = process;
        _clock = clock;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        _stdin = WriteStdinAsync(process, stdin);
    }

    /// <summary>The command line, for messages.</summary>
    public string Description { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Start parameters for <paramref name="executable"/> with exactly <paramref name="environment"/> and <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo StartInfo(string executable, IEnumerable<KeyValuePair<string, string>>? environment, IEnumerable<string>? arguments = null)
    {
        ProcessStartInfo info = RuntimeProcess.StartInfo(executable, environment ?? []);
        foreach (string argument in arguments ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>
    /// Starts every process back to back (inside the namespace at <paramref name="netnsPath"/> unless it is null), so all
    /// exist before the first is awaited, and writes each one's stdin.
    /// </summary>
    public static IReadOnlyList<RuntimeRun> StartAll(string? netnsPath, IReadOnlyList<(ProcessStartInfo Info, string? Stdin)> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var clock = new Stopwatch();
        List<Process> started = netnsPath is null
            ? [.. processes.Select(p => { clock.Start(); return RuntimeProcess.Start(null, p.Info); })]
            : RuntimeProcess.StartAll(netnsPath, [.. processes.Select(p => p.Info)], clock);
        return [.. started.Select((process, i) => new RuntimeRun(Describe(processes[i].Info), process, clock, processes[i].Stdin))];
    }

    /// <summary>Starts one process.</summary>
    public static RuntimeRun Start(string? netnsPath, ProcessStartInfo info, string? stdin) => StartAll(netnsPath, [(info, stdin)])[0];

    /// <summary>Runs one process to completion (<see cref="Wait"/>).</summary>
    public static RuntimeOutcome Run(string? netnsPath, ProcessStartInfo info, string? stdin, TimeSpan? timeLimit = null, TimeSpan? killAfter = null)
    {
        using RuntimeRun run = Start(netnsPath, info, stdin);
        return run.Wait(timeLimit, killAfter);
    }

    /// <summary>
    /// Waits for the exit and collects the output. With <paramref name="killAfter"/>, sends SIGKILL that long after the
    /// start unless the process has exited by then. A process still running after <paramref name="timeLimit"/>
    /// (<see cref="DefaultTimeLimit"/>) is killed and a <see cref="TimeoutException"/> thrown.
    /// </summary>
    public RuntimeOutcome Wait(TimeSpan? timeLimit = null, TimeSpan? killAfter = null)
    {
        bool killed = false;
        if (killAfter is { } delay)
        {
            while (_clock.Elapsed < delay && !_process.HasExited)
            {
                TimeSpan left = delay - _clock.Elapsed;
                if (left > TimeSpan.FromMilliseconds(2))
                {
                    Thread.Sleep(left - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            if (!_process.HasExited)
            {
                _process.Kill(); // SIGKILL on Unix.
                killed = true;
            }
        }

        TimeSpan limit = timeLimit ?? DefaultTimeLimit;
        if (!_process.WaitForExit(limit))
        {
            _process.Kill();
            _process.WaitForExit();
            throw new TimeoutException($"{Description} did not finish within {limit}:\n{_stdout.GetAwaiter().GetResult()}{_stderr.GetAwaiter().GetResult()}");
        }

        _process.WaitForExit(); // Drains the output readers.
        TimeSpan elapsed = _clock.Elapsed;
        try
        {
            _stdin.GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            // The process may exit without reading stdin (a bad environment, a kill): a broken pipe is fine.
        }

        // A kill that raced with a normal exit is not a kill.
        killed &= _process.ExitCode is 128 + 9 or -1 or 9;
        return new RuntimeOutcome(_process.ExitCode, _stdout.GetAwaiter().GetResult(), _stderr.GetAwaiter().GetResult(), elapsed, killed);
    }

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private static string Describe(ProcessStartInfo info) =>
        string.Join(' ', [info.FileName, .. info.ArgumentList]);

    private static async Task WriteStdinAsync(Process process, string? stdin)
    {
        try
        {
            await using StreamWriter writer = process.StandardInput;
            if (!string.IsNullOrEmpty(stdin))
            {
                await writer.WriteAsync(stdin).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // Gone before it read everything: reported (or not) by the exit code.
        }
    }
}
