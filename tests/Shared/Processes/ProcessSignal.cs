using System.Runtime.InteropServices;

namespace Podnet.Testing.Processes;

/// <summary>Sends POSIX signals (<see cref="System.Diagnostics.Process.Kill()"/> only sends SIGKILL).</summary>
internal static partial class ProcessSignal
{
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    /// <summary>Sends SIGTERM to <paramref name="processId"/>, as a service manager stopping the agent does.</summary>
    public static void Terminate(int processId) => Send(processId, SigTerm, "SIGTERM");

    /// <summary>Sends SIGSTOP to <paramref name="processId"/>: it stops running, while the kernel keeps accepting connections for it.</summary>
    public static void Pause(int processId) => Send(processId, SigStop, "SIGSTOP");

    /// <summary>Sends SIGCONT to <paramref name="processId"/>, resuming it after <see cref="Pause"/>.</summary>
    public static void Resume(int processId) => Send(processId, SigCont, "SIGCONT");

    private static void Send(int processId, int signal, string name)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {name}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
