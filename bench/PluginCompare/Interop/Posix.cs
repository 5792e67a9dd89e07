using System.Runtime.InteropServices;

namespace Podnet.PluginCompare.Interop;

/// <summary>
/// The libc calls the benchmark makes itself: <c>posix_spawn</c> + <c>wait4</c> instead of
/// <see cref="System.Diagnostics.Process"/>, because only <c>wait4</c> hands back the child's resource usage
/// (peak RSS over the child and every descendant it reaped).
/// </summary>
internal static unsafe partial class Posix
{
    public const int O_CLOEXEC = 0x80000;
    public const int EINTR = 4;
    public const int SIGKILL = 9;

    /// <summary>Enough for glibc's <c>posix_spawn_file_actions_t</c> (80 bytes on 64-bit).</summary>
    public const int FileActionsSize = 256;

    private const string LibraryName = "libc";

    [LibraryImport(LibraryName, EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport(LibraryName, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(LibraryName, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(LibraryName, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(LibraryName, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary>Returns an error number (not via errno).</summary>
    [LibraryImport(LibraryName, EntryPoint = "posix_spawn")]
    public static partial int Spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(void* fileActions);

    [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int FileActionsAddDup2(void* fileActions, int fd, int newFd);

    [LibraryImport(LibraryName, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(void* fileActions);

    [LibraryImport(LibraryName, EntryPoint = "wait4", SetLastError = true)]
    public static partial int Wait4(int pid, int* status, int options, ResourceUsage* usage);

    public static int LastErrno => Marshal.GetLastPInvokeError();
}
