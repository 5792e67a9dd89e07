using System.Security.Cryptography;
using Podnet.Netlink.Interop;

namespace Podnet.Netlink;

/// <summary>
/// An open network namespace: the one type every API takes where a namespace is meant (<see cref="Route.Rtnetlink.OpenIn(NetworkNamespace)"/>,
/// <see cref="Route.VethPair.PeerNamespace"/>, <see cref="Run{T}(Func{T})"/>). It holds a descriptor of the namespace
/// file, opened and checked once, so using it again never reopens the path. Get one with <see cref="Open"/> (any
/// path: <c>/run/netns/NAME</c>, <c>/proc/PID/ns/net</c>; disposing closes the descriptor) or with
/// <see cref="Create"/>/<see cref="Attach"/> (a named namespace under <c>/run/netns</c>, created and deleted the way
/// <c>ip netns add</c> and <c>ip netns del</c> do; disposing deletes it). Work inside a namespace runs on dedicated
/// threads: the calling thread's namespace is never changed.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    /// <summary>Where named namespaces live (<c>NETNS_RUN_DIR</c> of iproute2).</summary>
    public const string RunDirectory = "/run/netns";

    private const int NameMax = 255;
    private static readonly Lock s_runDirectoryLock = new();
    private readonly FileDescriptorHandle _handle;
    private readonly bool _deleteOnDispose;
    private bool _disposed;

    private NetworkNamespace(string name, string path, FileDescriptorHandle handle, bool deleteOnDispose)
    {
        Name = name;
        Path = path;
        _handle = handle;
        _deleteOnDispose = deleteOnDispose;
    }

    /// <summary>
    /// The namespace's name as <c>ip netns list</c> shows it when its file is in <see cref="RunDirectory"/>, otherwise
    /// the path it was opened by.
    /// </summary>
    public string Name { get; }

    /// <summary>The namespace file it was opened by, for example <c>/run/netns/NAME</c>.</summary>
    public string Path { get; }

    /// <summary>The open descriptor, for attributes that take one (<c>IFLA_NET_NS_FD</c>).</summary>
    internal FileDescriptorHandle Handle => _handle;

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

        try
        {
            return new NetworkNamespace(name, path, NamespaceFile.OpenNetwork(path), deleteOnDispose: true);
        }
        catch
        {
            Delete(name);
            throw;
        }
    }

    /// <summary>
    /// Takes over an existing named namespace (for example one made by <c>ip netns add</c>): disposing deletes it, as
    /// for <see cref="Create"/>.
    /// </summary>
    /// <exception cref="NetworkNamespaceException">It does not exist or is not a network namespace.</exception>
    public static NetworkNamespace Attach(string name)
    {
        string path = GetPath(name);
        return new NetworkNamespace(name, path, NamespaceFile.OpenNetwork(path), deleteOnDispose: true);
    }

    /// <summary>
    /// Opens the network namespace at <paramref name="path"/> (<c>/run/netns/NAME</c>, <c>/proc/PID/ns/net</c>, a
    /// runtime's <c>CNI_NETNS</c>) after checking that it is one. Disposing closes the descriptor; the namespace stays.
    /// </summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static NetworkNamespace Open(string path)
    {
        FileDescriptorHandle handle = NamespaceFile.OpenNetwork(path);
        string name = path.StartsWith(RunDirectory + "/", StringComparison.Ordinal) && path.IndexOf('/', RunDirectory.Length + 1) < 0
            ? path[(RunDirectory.Length + 1)..]
            : path;
        return new NetworkNamespace(name, path, handle, deleteOnDispose: false);
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

    /// <summary>Opens a netlink socket inside this namespace; it stays there for its whole life.</summary>
    public NetlinkSocket OpenSocket(NetlinkProtocol protocol = NetlinkProtocol.Route) => Run(() => NetlinkSocket.Open(protocol));

    /// <summary>
    /// Runs <paramref name="action"/> on a dedicated thread that has entered this namespace (for <c>/proc/sys/net</c>
    /// writes or <c>AF_INET</c> sockets there). Sockets it creates stay in the namespace; <c>await</c> inside it would
    /// leave the namespace, so keep it synchronous.
    /// </summary>
    /// <exception cref="NetworkNamespaceException">The namespace cannot be entered.</exception>
    public T Run<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return NamespaceThread.Run("netns " + Path, () =>
        {
            if (Libc.SetNamespace(_handle, Libc.CLONE_NEWNET) != 0)
            {
                int errno = Libc.LastErrno;
                throw new NetworkNamespaceException(
                    Path,
                    $"Cannot enter network namespace '{Path}': {Errno.GetName(errno)} ({Errno.GetDescription(errno)}).",
                    new SystemCallException("setns", errno, Path));
            }

            return action();
        });
    }

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside this namespace.</summary>
    /// <exception cref="NetworkNamespaceException">The namespace cannot be entered.</exception>
    public void Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Run(() =>
        {
            action();
            return true;
        });
    }

    /// <summary>Sets <c>lo</c> up in this namespace (a fresh namespace has it down).</summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public void BringLoopbackUp()
    {
        using NetlinkSocket socket = OpenSocket();
        LoopbackRequest.BringUp(socket);
    }

    /// <summary>Opens the namespace at <paramref name="netnsPath"/> for this one socket: <see cref="Open"/>, then <see cref="OpenSocket(NetlinkProtocol)"/>.</summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static NetlinkSocket OpenSocket(string netnsPath, NetlinkProtocol protocol)
    {
        using NetworkNamespace ns = Open(netnsPath);
        return ns.OpenSocket(protocol);
    }

    /// <summary>Opens the namespace at <paramref name="netnsPath"/> for this one call: <see cref="Open"/>, then <see cref="Run{T}(Func{T})"/>.</summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static T RunInNamespace<T>(string netnsPath, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using NetworkNamespace ns = Open(netnsPath);
        return ns.Run(action);
    }

    /// <summary>Opens the namespace at <paramref name="netnsPath"/> for this one call: <see cref="Open"/>, then <see cref="Run(Action)"/>.</summary>
    /// <exception cref="NetworkNamespaceException">The path is missing or not a network namespace.</exception>
    public static void RunInNamespace(string netnsPath, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using NetworkNamespace ns = Open(netnsPath);
        ns.Run(action);
    }

    /// <summary>Opens the namespace at <paramref name="netnsPath"/> for this one call: <see cref="Open"/>, then <see cref="BringLoopbackUp()"/>.</summary>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public static void BringLoopbackUp(string netnsPath)
    {
        using NetworkNamespace ns = Open(netnsPath);
        ns.BringLoopbackUp();
    }

    /// <summary>Closes the descriptor and, for a namespace from <see cref="Create"/> or <see cref="Attach"/>, deletes it (<see cref="Delete"/>).</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _handle.Dispose();
            if (_deleteOnDispose)
            {
                Delete(Name);
            }
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
