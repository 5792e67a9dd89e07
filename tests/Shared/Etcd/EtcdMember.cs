using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Podnet.Testing.Processes;

namespace Podnet.Testing.Etcd;

/// <summary>One member of an <see cref="EtcdCluster"/>: its <c>etcd</c> process, data directory and recent log lines.</summary>
internal sealed class EtcdMember
{
    private const int LogLines = 200;
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    public EtcdMember(int index, EtcdPlacement placement, string dataDirectory, string scheme)
    {
        Index = index;
        Placement = placement;
        Name = "m" + index;
        DataDirectory = dataDirectory;
        string host = placement.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{placement.Address}]" : placement.Address.ToString();
        ClientUrl = new Uri($"{scheme}://{host}:{placement.ClientPort}");
        PeerUrl = new Uri($"http://{host}:{placement.PeerPort}");
    }

    public int Index { get; }

    public string Name { get; }

    public EtcdPlacement Placement { get; }

    public string DataDirectory { get; }

    public Uri ClientUrl { get; }

    public Uri PeerUrl { get; }

    /// <summary>Whether the member was started and not killed or stopped since (it may have crashed).</summary>
    public bool ShouldRun { get; private set; }

    /// <summary>Whether the process was started and has not exited.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The process id while running.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>The member's last log lines, for failure messages.</summary>
    public string LogTail => string.Join('\n', _log);

    /// <summary>Starts <c>etcd</c> inside the member's namespace with <paramref name="arguments"/>.</summary>
    public void Start(IEnumerable<string> arguments)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"etcd member {Name} is already running");
        }

        _process?.Dispose();
        ProcessStartInfo info = RuntimeProcess.StartInfo(EtcdCluster.Binary, []);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process = RuntimeProcess.Start(Placement.NetnsPath, info);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        ShouldRun = true;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        ShouldRun = false;
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>
    /// SIGSTOP, then waits until every thread is stopped: <c>kill</c> returns before that, and on a busy machine the
    /// threads still scheduled can serve requests for a few milliseconds.
    /// </summary>
    public void Pause()
    {
        int pid = ProcessId ?? throw new InvalidOperationException($"etcd member {Name} is not running");
        ProcessSignal.Pause(pid);
        var clock = Stopwatch.StartNew();
        while (!AllThreadsStopped(pid))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"etcd member {Name} (pid {pid}) did not stop after SIGSTOP");
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume() => ProcessSignal.Resume(ProcessId ?? throw new InvalidOperationException($"etcd member {Name} is not running"));

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        ShouldRun = false;
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        ProcessSignal.Terminate(process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Kills the process if needed and releases it.</summary>
    public void Dispose()
    {
        try
        {
            Kill();
        }
        finally
        {
            _process?.Dispose();
            _process = null;
        }
    }

    private static bool AllThreadsStopped(int pid)
    {
        foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                // "pid (comm) S ...": the state follows the parenthesised command name.
                string stat = File.ReadAllText(Path.Combine(task, "stat"));
                if (stat[stat.LastIndexOf(')') + 2] is not ('T' or 't'))
                {
                    return false;
                }
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return true;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > LogLines && _log.TryDequeue(out _))
        {
        }
    }
}
