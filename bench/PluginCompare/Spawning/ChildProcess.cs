using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Podnet.PluginCompare.Interop;

namespace Podnet.PluginCompare.Spawning;

/// <summary>
/// A plugin process started with <c>posix_spawn</c>, its standard input already written and closed, the way a
/// container runtime runs a CNI plugin. The child inherits the network namespace of the thread that starts it.
/// </summary>
internal sealed unsafe class ChildProcess
{
    private readonly int _pid;
    private readonly int _stdout;
    private readonly int _stderr;
    private readonly long _startTimestamp;
    private bool _reaped;

    private ChildProcess(int pid, int stdout, int stderr, long startTimestamp)
    {
        _pid = pid;
        _stdout = stdout;
        _stderr = stderr;
        _startTimestamp = startTimestamp;
    }

    /// <summary>
    /// Starts <c>argv[0]</c> (a full path) with exactly <paramref name="environment"/> and feeds it <paramref name="stdin"/>.
    /// </summary>
    public static ChildProcess Start(IReadOnlyList<string> arguments, IReadOnlyList<string> environment, ReadOnlySpan<byte> stdin)
    {
        string path = arguments[0];
        int* inPipe = stackalloc int[2];
        int* outPipe = stackalloc int[2];
        int* errPipe = stackalloc int[2];
        OpenPipe(inPipe);
        OpenPipe(outPipe);
        OpenPipe(errPipe);

        var strings = new List<nint>();
        byte** argv = (byte**)NativeMemory.AllocZeroed((nuint)arguments.Count + 1, (nuint)sizeof(nint));
        byte** envp = (byte**)NativeMemory.AllocZeroed((nuint)environment.Count + 1, (nuint)sizeof(nint));
        void* actions = NativeMemory.AllocZeroed(Posix.FileActionsSize);
        try
        {
            for (int i = 0; i < arguments.Count; i++)
            {
                argv[i] = Utf8(arguments[i], strings);
            }

            for (int i = 0; i < environment.Count; i++)
            {
                envp[i] = Utf8(environment[i], strings);
            }

            Check(Posix.FileActionsInit(actions), "posix_spawn_file_actions_init");
            try
            {
                Check(Posix.FileActionsAddDup2(actions, inPipe[0], 0), "adddup2 stdin");
                Check(Posix.FileActionsAddDup2(actions, outPipe[1], 1), "adddup2 stdout");
                Check(Posix.FileActionsAddDup2(actions, errPipe[1], 2), "adddup2 stderr");

                int pid;
                long start = Stopwatch.GetTimestamp();
                Check(Posix.Spawn(&pid, argv[0], actions, null, argv, envp), "posix_spawn " + path);
                _ = Posix.Close(inPipe[0]);
                _ = Posix.Close(outPipe[1]);
                _ = Posix.Close(errPipe[1]);
                WriteAll(inPipe[1], stdin);
                _ = Posix.Close(inPipe[1]);
                return new ChildProcess(pid, outPipe[0], errPipe[0], start);
            }
            finally
            {
                _ = Posix.FileActionsDestroy(actions);
            }
        }
        catch
        {
            foreach (int fd in new[] { inPipe[0], inPipe[1], outPipe[0], outPipe[1], errPipe[0], errPipe[1] })
            {
                _ = Posix.Close(fd);
            }

            throw;
        }
        finally
        {
            foreach (nint s in strings)
            {
                Marshal.FreeCoTaskMem(s);
            }

            NativeMemory.Free(argv);
            NativeMemory.Free(envp);
            NativeMemory.Free(actions);
        }
    }

    /// <summary>Reads the child's output to the end and reaps it with <c>wait4</c>.</summary>
    public PluginRun Complete()
    {
        string stdout = ReadToEnd(_stdout);
        string stderr = ReadToEnd(_stderr);
        int status;
        ResourceUsage usage;
        while (Posix.Wait4(_pid, &status, 0, &usage) < 0)
        {
            int errno = Posix.LastErrno;
            if (errno != Posix.EINTR)
            {
                throw new InvalidOperationException($"wait4({_pid}) failed: errno {errno}");
            }
        }

        long end = Stopwatch.GetTimestamp();
        _reaped = true;
        int exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        return new PluginRun(exitCode, stdout, stderr, _startTimestamp, end, usage.MaxResidentKiB, usage.CpuMilliseconds);
    }

    /// <summary>Kills and reaps a child that will not be completed (only on the failure path).</summary>
    public void Abandon()
    {
        if (_reaped)
        {
            return;
        }

        _ = Posix.Kill(_pid, Posix.SIGKILL);
        _ = Complete();
    }

    private static void OpenPipe(int* fds)
    {
        if (Posix.Pipe2(fds, Posix.O_CLOEXEC) != 0)
        {
            throw new InvalidOperationException($"pipe2 failed: errno {Posix.LastErrno}");
        }
    }

    private static byte* Utf8(string text, List<nint> owned)
    {
        nint p = Marshal.StringToCoTaskMemUTF8(text);
        owned.Add(p);
        return (byte*)p;
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{what} failed: error {error}");
        }
    }

    private static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            int written = 0;
            while (written < data.Length)
            {
                nint n = Posix.Write(fd, p + written, data.Length - written);
                if (n < 0)
                {
                    int errno = Posix.LastErrno;
                    if (errno == Posix.EINTR)
                    {
                        continue;
                    }

                    // EPIPE: the child exited without reading its configuration; its exit code tells the story.
                    return;
                }

                written += (int)n;
            }
        }
    }

    private static string ReadToEnd(int fd)
    {
        var buffer = new byte[8192];
        using var output = new MemoryStream();
        try
        {
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    nint n = Posix.Read(fd, p, buffer.Length);
                    if (n == 0)
                    {
                        break;
                    }

                    if (n < 0)
                    {
                        if (Posix.LastErrno == Posix.EINTR)
                        {
                            continue;
                        }

                        break;
                    }

                    output.Write(buffer, 0, (int)n);
                }
            }
        }
        finally
        {
            _ = Posix.Close(fd);
        }

        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }
}
