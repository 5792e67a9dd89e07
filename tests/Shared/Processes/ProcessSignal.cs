using System.Runtime.InteropServices;

namespace Podnet.Testing;

/// <summary>Sends POSIX signals (<see cref="System.Diagnostics.Process.Kill()"/> only sends SIGKILL).</summary>
internal static partial class ProcessSignal
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="processId"/>, as a service manager stopping the agent does.</summary>
    public static void Terminate(int processId)
    {
        if (Kill(processId, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
