using System.Security.Cryptography;
using Podnet.Netlink.Interop;

namespace Podnet.Netlink;

/// <summary>
/// A named network namespace under <c>/run/netns</c>, created and deleted the way <c>ip netns add</c> and
/// <c>ip netns del</c> do, so iproute2 sees it. Work inside any namespace runs on dedicated threads: the calling
/// thread's namespace is never changed.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    /// <summary>Where named namespaces live (<c>NETNS_RUN_DIR</c> of iproute2).</summary>
    public const string RunDirectory = "/run/netns";

    private const int NameMax = 255;
    private static readonly Lock s_runDirectoryLock = new();
    private bool _disposed;

    private NetworkNamespace(string name)
    {
        Name = name;
        Path = GetPath(name);
    }

    /// <summary>The namespace's name, as <c>ip netns list</c> shows it.</summary>
    public string Name { get; }

    /// <summary>The bind-mounted namespace file, <c>/run/netns/NAME</c>.</summary>
    public string Path { get; }

    /// <summary>The path of the namespace named <paramref name="name"/>.</summary>
    public static string GetPath(string name)
    {
        ValidateName(name);
        return RunDirectory + "/" + name;
    }

    /// <summary>A fresh, unique name such as <c>pn-3fa2c19b07</c>.</summary>
    /// <param name="prefix">The start of the name.</param>
    public static string CreateUniqueName(string prefix = "pn-")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
    }

    /// <summary>Whether <c>/run/netns/NAME</c> exists.</summary>
    public static bool Exists(string name) => File.Exists(GetPath(name));

    /// <summary>
    /// Creates a new, empty network namespace named <paramref name="name"/> and pins it at <c>/run/netns/NAME</c>,
    /// like <c>ip netns add</c>.
    /// </summary>
    /// <exception cref="NetworkNamespaceException">The name is taken, or a mount step failed.</exception>
    public static NetworkNamespace Create(string name)
    {
        string path = GetPath(name);
        EnsureSharedRunDirectory();

        int fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_CREAT | Libc.O_EXCL | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            int errno = Libc.LastErrno;
            throw new NetworkNamespaceException(
                path,
                errno == Errno.EEXIST
                    ? $"Network namespace '{name}' already exists ({path})."
                    : $"Cannot create '{path}': {Errno.GetName(errno)} ({Errno.GetDescription(errno)}).",
                new SystemCallException("open", errno, path));
        }

        _ = Libc.Close(fd);
        try
        {
            NamespaceThread.Run("netns create " + name, () =>
            {
                if (Libc.Unshare(Libc.CLONE_NEWNET) != 0)
                {
                    throw new SystemCallException("unshare", Libc.LastErrno, "(CLONE_NEWNET)");
                }

                // This thread now has the new namespace; pin it by bind-mounting its namespace file.
                string self = "/proc/self/task/" + Libc.GetThreadId().ToString(System.Globalization.CultureInfo.InvariantCulture) + "/ns/net";
                if (Libc.Mount(self, path, "none", Libc.MS_BIND, 0) != 0)
                {
                    throw new SystemCallException("mount", Libc.LastErrno, $"--bind {self} {path}");
                }

                return true;
            });
        }
        catch (Exception e)
        {
            Delete(name);
            throw new NetworkNamespaceException(path, $"Cannot create network namespace '{name}': {e.Message}", e);
        }

        return new NetworkNamespace(name);
    }

    /// <summary>Wraps an existing named namespace (for example one made by <c>ip netns add</c>).</summary>
    /// <exception cref="NetworkNamespaceException">It does not exist or is not a network namespace.</exception>
    public static NetworkNamespace Attach(string name)
    {
        string path = GetPath(name);
        NamespaceFile.OpenNetwork(path).Dispose();
        return new NetworkNamespace(name);
    }

    /// <summary>
    /// Unmounts and removes <c>/run/netns/NAME</c>, like <c>ip netns del</c>. Deleting a namespace that does not exist
    /// is not an error. The namespace itself lives on while a process or socket still uses it.
    /// </summary>
    /// <exception cref="SystemCallException">The unmount or unlink failed for another reason.</exception>
    public static void Delete(string name)
    {
        string path = GetPath(name);
        if (Libc.Unmount(path, Libc.MNT_DETACH) != 0)
        {
            int errno = Libc.LastErrno;
            if (errno is not (Errno.EINVAL or Errno.ENOENT))
            {
                throw new SystemCallException("umount2", errno, path);
            }
        }

        if (Libc.Unlink(path) != 0)
        {
            int errno = Libc.LastErrno;
            if (errno != Errno.ENOENT)
            {
                throw new SystemCallException("unlink", errno, path);
            }
        }
    }

    /// <summary>
    /// Opens a netlink socket inside the network namespace at <paramref name="netnsPath"/> (<c>/run/netns/NAME</c> or
    /// <c>/proc/PID/ns/net</c>). The socket stays in that namespace for its whole life.
    /// </summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static NetlinkSocket OpenSocket(string netnsPath, NetlinkProtocol protocol) =>
        RunInNamespace(netnsPath, () => NetlinkSocket.Open(protocol));

    /// <summary>
    /// Opens the namespace file at <paramref name="netnsPath"/> after checking that it is a network namespace, for
    /// attributes that take a namespace descriptor (<c>IFLA_NET_NS_FD</c>, for example a veth peer's namespace).
    /// </summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static System.Runtime.InteropServices.SafeHandle OpenFile(string netnsPath) => NamespaceFile.OpenNetwork(netnsPath);

    /// <summary>
    /// Runs <paramref name="action"/> on a dedicated thread that has entered the namespace at
    /// <paramref name="netnsPath"/> (for <c>/proc/sys/net</c> writes or <c>AF_INET</c> sockets there). Sockets it
    /// creates stay in that namespace; <c>await</c> inside it would leave the namespace, so keep it synchronous.
    /// </summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static T RunInNamespace<T>(string netnsPath, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using FileDescriptorHandle handle = NamespaceFile.OpenNetwork(netnsPath);
        return NamespaceThread.Run("netns " + netnsPath, () =>
        {
            if (Libc.SetNamespace(handle, Libc.CLONE_NEWNET) != 0)
            {
                int errno = Libc.LastErrno;
                throw new NetworkNamespaceException(
                    netnsPath,
                    $"Cannot enter network namespace '{netnsPath}': {Errno.GetName(errno)} ({Errno.GetDescription(errno)}).",
                    new SystemCallException("setns", errno, netnsPath));
            }

            return action();
        });
    }

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside the namespace at <paramref name="netnsPath"/>.</summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static void RunInNamespace(string netnsPath, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        RunInNamespace(netnsPath, () =>
        {
            action();
            return true;
        });
    }

    /// <summary>Sets <c>lo</c> up in the namespace at <paramref name="netnsPath"/> (a fresh namespace has it down).</summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public static void BringLoopbackUp(string netnsPath)
    {
        using NetlinkSocket socket = OpenSocket(netnsPath, NetlinkProtocol.Route);
        LoopbackRequest.BringUp(socket);
    }

    /// <summary>Opens a netlink socket inside this namespace.</summary>
    public NetlinkSocket OpenSocket(NetlinkProtocol protocol = NetlinkProtocol.Route) => OpenSocket(Path, protocol);

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside this namespace.</summary>
    public T Run<T>(Func<T> action) => RunInNamespace(Path, action);

    /// <summary>Sets <c>lo</c> up in this namespace.</summary>
    public void BringLoopbackUp() => BringLoopbackUp(Path);

    /// <summary>Deletes the namespace (<see cref="Delete"/>).</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Delete(Name);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) ||
            System.Text.Encoding.UTF8.GetByteCount(name) > NameMax)
        {
            throw new ArgumentException($"'{name}' is not a valid network namespace name.", nameof(name));
        }
    }

    /// <summary>
    /// Makes <c>/run/netns</c> a shared mount (bind-mounting it onto itself first if it is not a mount point), as
    /// iproute2 does, so namespace mounts made here propagate to other mount namespaces that see the directory.
    /// </summary>
    private static void EnsureSharedRunDirectory()
    {
        lock (s_runDirectoryLock)
        {
            Directory.CreateDirectory(RunDirectory);
            bool boundOntoItself = false;
            while (Libc.Mount(string.Empty, RunDirectory, "none", Libc.MS_SHARED | Libc.MS_REC, 0) != 0)
            {
                int errno = Libc.LastErrno;
                if (errno != Errno.EINVAL || boundOntoItself)
                {
                    throw new NetworkNamespaceException(
                        RunDirectory,
                        $"Cannot make {RunDirectory} a shared mount: {Errno.GetName(errno)} ({Errno.GetDescription(errno)}).",
                        new SystemCallException("mount", errno, "--make-rshared " + RunDirectory));
                }

                // EINVAL: not a mount point yet.
                if (Libc.Mount(RunDirectory, RunDirectory, "none", Libc.MS_BIND | Libc.MS_REC, 0) != 0)
                {
                    int bindErrno = Libc.LastErrno;
                    throw new NetworkNamespaceException(
                        RunDirectory,
                        $"Cannot bind-mount {RunDirectory} onto itself: {Errno.GetName(bindErrno)} ({Errno.GetDescription(bindErrno)}).",
                        new SystemCallException("mount", bindErrno, "--rbind " + RunDirectory));
                }

                boundOntoItself = true;
            }
        }
    }
}
