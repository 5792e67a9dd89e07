using Microsoft.Win32.SafeHandles;
using Podnet.Cni.Ipam.Interop;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The store's file operations. Nothing follows a symlink (a planted link can neither be read
/// through nor written through), and every file appears complete or not at all: content is
/// written to a temporary file first, then <c>link</c>ed (create-exclusive, like the
/// reference's O_CREAT|O_EXCL) or <c>rename</c>d (replace) into place.
/// </summary>
internal static class StoreFiles
{
    /// <summary>Files the store writes are private to root, as in the current reference.</summary>
    public const uint FileMode = 0x180; // 0600

    private static long s_temporaryCounter;

    /// <summary>The prefix of temporary files; only a crash leaves one behind.</summary>
    public const string TemporaryPrefix = ".podnet-tmp-";

    /// <summary>Reads a small regular file; null if it does not exist.</summary>
    /// <exception cref="IOException">The file is a symlink, too large or unreadable.</exception>
    public static byte[]? ReadSmall(string path, int maxLength)
    {
        int fd = IpamSyscalls.Open(path, IpamSyscalls.O_RDONLY | IpamSyscalls.O_CLOEXEC | IpamSyscalls.O_NOFOLLOW, 0);
        if (fd < 0)
        {
            int errno = IpamSyscalls.LastErrno;
            if (errno is IpamSyscalls.ENOENT or IpamSyscalls.ENOTDIR)
            {
                return null;
            }

            throw Error("open", path, errno);
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        byte[] buffer = new byte[maxLength + 1];
        int total = 0;
        while (total < buffer.Length)
        {
            int read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > maxLength)
        {
            throw new IOException($"{path} is larger than {maxLength} bytes");
        }

        return buffer.AsSpan(0, total).ToArray();
    }

    /// <summary>True if a directory entry of that name exists (a dangling symlink counts).</summary>
    public static bool Exists(string path)
    {
        int fd = IpamSyscalls.Open(path, IpamSyscalls.O_PATH | IpamSyscalls.O_CLOEXEC | IpamSyscalls.O_NOFOLLOW, 0);
        if (fd >= 0)
        {
            using var handle = new SafeFileHandle(fd, ownsHandle: true);
            return true;
        }

        int errno = IpamSyscalls.LastErrno;
        return errno is IpamSyscalls.ENOENT or IpamSyscalls.ENOTDIR ? false : throw Error("open", path, errno);
    }

    /// <summary>Creates <paramref name="path"/> with the content unless it exists; false if it does.</summary>
    public static bool CreateExclusive(string directory, string path, ReadOnlySpan<byte> content)
    {
        string temporary = WriteTemporary(directory, content);
        try
        {
            if (IpamSyscalls.Link(temporary, path) == 0)
            {
                return true;
            }

            int errno = IpamSyscalls.LastErrno;
            return errno == IpamSyscalls.EEXIST ? false : throw Error("link", path, errno);
        }
        finally
        {
            IpamSyscalls.Unlink(temporary);
        }
    }

    /// <summary>Replaces (or creates) <paramref name="path"/> with the content in one step.</summary>
    public static void Replace(string directory, string path, ReadOnlySpan<byte> content)
    {
        string temporary = WriteTemporary(directory, content);
        if (IpamSyscalls.Rename(temporary, path) != 0)
        {
            int errno = IpamSyscalls.LastErrno;
            IpamSyscalls.Unlink(temporary);
            throw Error("rename", path, errno);
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> over <paramref name="path"/> in place (creating it if missing), for files
    /// whose torn state is harmless: <c>last_reserved_ip.*</c> (garbage only restarts the round-robin walk, and
    /// host-local writes it the same way) and the scan certificate (garbage is treated as absent). No new inode and
    /// no rename: on ext4 that is several times cheaper than <see cref="Replace"/>, and the network directory's
    /// change stamp is left alone.
    /// </summary>
    public static void Overwrite(string path, ReadOnlySpan<byte> content)
    {
        int fd = IpamSyscalls.Open(path, IpamSyscalls.O_WRONLY | IpamSyscalls.O_CREAT | IpamSyscalls.O_CLOEXEC | IpamSyscalls.O_NOFOLLOW, FileMode);
        if (fd < 0)
        {
            int errno = IpamSyscalls.LastErrno;
            if (errno == IpamSyscalls.ELOOP)
            {
                // A planted symlink: never write through it; replace the link itself with a regular file.
                Replace(Path.GetDirectoryName(path)!, path, content);
                return;
            }

            throw Error("open", path, errno);
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        RandomAccess.Write(handle, content, 0);
        RandomAccess.SetLength(handle, content.Length);
    }

    /// <summary>Removes a file (a symlink itself, never its target); false if it did not exist.</summary>
    public static bool Delete(string path)
    {
        if (IpamSyscalls.Unlink(path) == 0)
        {
            return true;
        }

        int errno = IpamSyscalls.LastErrno;
        return errno == IpamSyscalls.ENOENT ? false : throw Error("unlink", path, errno);
    }

    private static string WriteTemporary(string directory, ReadOnlySpan<byte> content)
    {
        long counter = Interlocked.Increment(ref s_temporaryCounter);
        string path = Path.Combine(directory, $"{TemporaryPrefix}{Environment.ProcessId}-{counter}");
        int fd = IpamSyscalls.Open(path, IpamSyscalls.O_WRONLY | IpamSyscalls.O_CREAT | IpamSyscalls.O_EXCL | IpamSyscalls.O_CLOEXEC | IpamSyscalls.O_NOFOLLOW, FileMode);
        if (fd < 0 && IpamSyscalls.LastErrno == IpamSyscalls.EEXIST)
        {
            // Left by a crashed process that had our PID: the lock is held, so it is garbage.
            IpamSyscalls.Unlink(path);
            fd = IpamSyscalls.Open(path, IpamSyscalls.O_WRONLY | IpamSyscalls.O_CREAT | IpamSyscalls.O_EXCL | IpamSyscalls.O_CLOEXEC | IpamSyscalls.O_NOFOLLOW, FileMode);
        }

        if (fd < 0)
        {
            throw Error("create", path, IpamSyscalls.LastErrno);
        }

        try
        {
            using var handle = new SafeFileHandle(fd, ownsHandle: true);
            RandomAccess.Write(handle, content, 0);
        }
        catch
        {
            IpamSyscalls.Unlink(path);
            throw;
        }

        return path;
    }

    private static IOException Error(string operation, string path, int errno) =>
        new($"{operation} {path}: {IpamSyscalls.Describe(errno)}");
}
