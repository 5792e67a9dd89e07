using System.Runtime.InteropServices;

namespace Podnet.Netlink.Interop;

/// <summary>
/// The C library calls Podnet makes directly. Constants are the Linux generic-ABI values (x86-64 and arm64 agree on
/// every one used here).
/// </summary>
internal static unsafe partial class Libc
{
    public const string LibraryName = "libc";

    [LibraryImport(LibraryName, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(LibraryName, EntryPoint = "getpid")]
    public static partial int GetProcessId();

    [LibraryImport(LibraryName, EntryPoint = "gettid")]
    public static partial int GetThreadId();

    /// <summary>The <c>errno</c> of the last call made with <c>SetLastError = true</c>.</summary>
    public static int LastErrno => Marshal.GetLastPInvokeError();
}
