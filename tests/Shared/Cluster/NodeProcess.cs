using System.Collections.Concurrent;
using System.Diagnostics;
using Podnet.Testing.Processes;

namespace Podnet.Testing.Cluster;

/// <summary>
/// A long-running process started inside a simulated node's network namespace (an agent, a server), with its output
/// kept for assertions and failure messages. Disposing kills it if it still runs.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineAdded = new(0);

    private NodeProcess(string label, Process process)
    {
        Label = label;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();
    }

    /// <summary>What the process is, for messages (e.g. "podnetd on node01").</summary>
    public string Label { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code (only once it has exited).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Every line it printed so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Everything it printed so far, one string.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Starts <paramref name="binary"/> with <paramref name="arguments"/> in the namespace at <paramref name="netnsPath"/>, with an empty environment.</summary>
    public static NodeProcess Start(string label, string netnsPath, string binary, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        ProcessStartInfo info = RuntimeProcess.StartInfo(binary, environment ?? new Dictionary<string, string>());
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new NodeProcess(label, RuntimeProcess.Start(netnsPath, info));
    }

    /// <summary>Waits until a line matching <paramref name="predicate"/> was printed; throws with the output when the time is up or the process exits first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string? match = _lines.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            if (HasExited && _lines.FirstOrDefault(predicate) is null)
            {
                _process.WaitForExit();
                if (_lines.FirstOrDefault(predicate) is { } late)
                {
                    return late;
                }

                throw new InvalidOperationException($"{Label} exited with {_process.ExitCode} before printing the expected line:\n{Output}");
            }

            TimeSpan left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{Label} did not print the expected line within {timeout}:\n{Output}");
            }

            await _lineAdded.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(200, left.TotalMilliseconds)), cancellationToken);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit; returns whether it did.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit(); // Drains the output readers.
        return true;
    }

    /// <summary>SIGKILL, and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then SIGKILL when it has not exited within <paramref name="grace"/>; returns the exit code.</summary>
    public int Stop(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            ProcessSignal.Terminate(_process.Id);
            if (!WaitForExit(grace))
            {
                Kill();
            }
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _lineAdded.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        try
        {
            _lineAdded.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
