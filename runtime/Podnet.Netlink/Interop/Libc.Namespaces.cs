using System.Runtime.InteropServices;

namespace Podnet.Netlink.Interop;

/// <summary>Namespace, mount and file system calls of the C library.</summary>
internal static unsafe partial class Libc
{
    public const int CLONE_NEWNET = 0x40000000;

    public const ulong MS_BIND = 4096;
    public const ulong MS_REC = 16384;
    public const ulong MS_SLAVE = 1 << 19;
    public const ulong MS_SHARED = 1 << 20;
    public const int MNT_DETACH = 2;

    public const int O_RDONLY = 0;
    public const int O_CREAT = 0x40;
    public const int O_EXCL = 0x80;
    public const int O_CLOEXEC = 0x80000;

    public const long NSFS_MAGIC = 0x6e736673;

    /// <summary><c>NS_GET_NSTYPE</c> = <c>_IO(0xb7, 0x3)</c>.</summary>
    public const nuint NS_GET_NSTYPE = 0xb703;

    /// <summary><c>sizeof(struct statfs)</c> on 64-bit Linux; <c>f_type</c> is the first (long) member.</summary>
    public const int StatFsSize = 120;

    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    [LibraryImport(LibraryName, EntryPoint = "fstatfs", SetLastError = true)]
    public static partial int FileSystemStatus(SafeHandle fd, byte* buffer);

    [LibraryImport(LibraryName, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoControl(SafeHandle fd, nuint request);

    [LibraryImport(LibraryName, EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNamespace(SafeHandle fd, int namespaceType);

    [LibraryImport(LibraryName, EntryPoint = "unshare", SetLastError = true)]
    public static partial int Unshare(int flags);

    [LibraryImport(LibraryName, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string? source, string target, string? fileSystemType, ulong flags, nint data);

    [LibraryImport(LibraryName, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Unmount(string target, int flags);

    [LibraryImport(LibraryName, EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Unlink(string path);
}
