using Podnet.Netlink.Interop;

namespace Podnet.Netlink;

/// <summary>Opens a namespace file (<c>/run/netns/NAME</c>, <c>/proc/PID/ns/net</c>) and proves it is a network namespace.</summary>
internal static unsafe class NamespaceFile
{
    /// <summary>Opens <paramref name="path"/> read-only; throws unless it is an nsfs file of type <c>CLONE_NEWNET</c>.</summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static FileDescriptorHandle OpenNetwork(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        int fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            int errno = Libc.LastErrno;
            throw new NetworkNamespaceException(
                path,
                $"Cannot open network namespace '{path}': {Errno.GetName(errno)} ({Errno.GetDescription(errno)}).",
                new SystemCallException("open", errno, path));
        }

        var handle = new FileDescriptorHandle(fd);
        try
        {
            byte* status = stackalloc byte[Libc.StatFsSize];
            if (Libc.FileSystemStatus(handle, status) != 0)
            {
                throw new SystemCallException("fstatfs", Libc.LastErrno, path);
            }

            long fileSystemType = *(long*)status;
            if (fileSystemType != Libc.NSFS_MAGIC)
            {
                throw new NetworkNamespaceException(
                    path,
                    $"'{path}' is not a network namespace: it is not a namespace file (file system magic 0x{fileSystemType:x}, nsfs is 0x{Libc.NSFS_MAGIC:x}). " +
                    "Is it a leftover file whose namespace mount is gone?");
            }

            int type = Libc.IoControl(handle, Libc.NS_GET_NSTYPE);
            if (type < 0)
            {
                throw new SystemCallException("ioctl(NS_GET_NSTYPE)", Libc.LastErrno, path);
            }

            if (type != Libc.CLONE_NEWNET)
            {
                throw new NetworkNamespaceException(
                    path,
                    $"'{path}' is a {DescribeNamespaceType(type)} namespace, not a network namespace.");
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static string DescribeNamespaceType(int type) => type switch
    {
        0x00020000 => "mount",
        0x02000000 => "cgroup",
        0x04000000 => "UTS",
        0x08000000 => "IPC",
        0x10000000 => "user",
        0x20000000 => "PID",
        0x00000080 => "time",
        _ => $"0x{type:x}",
    };
}
