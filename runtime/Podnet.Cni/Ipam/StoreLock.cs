using Microsoft.Win32.SafeHandles;
using Podnet.Cni.Ipam.Interop;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The store's cross-process lock, the same one the reference takes: <c>flock(LOCK_EX)</c> on
/// <c>&lt;dataDir&gt;/&lt;network&gt;/lock</c> (go-filemutex). Holding it excludes host-local and
/// every other podnet process working on the same network.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    public const string FileName = "lock";

    private readonly SafeFileHandle _handle;
    private readonly Lock _threads = new();

    public StoreLock(string networkDirectory)
    {
        string path = Path.Combine(networkDirectory, FileName);
        int fd = IpamSyscalls.Open(path, IpamSyscalls.O_RDONLY | IpamSyscalls.O_CREAT | IpamSyscalls.O_CLOEXEC | IpamSyscalls.O_NOFOLLOW, StoreFiles.FileMode);
        if (fd < 0)
        {
            throw new IOException($"open {path}: {IpamSyscalls.Describe(IpamSyscalls.LastErrno)}");
        }

        _handle = new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Blocks until this process holds the lock; dispose the result to release it.</summary>
    public Held Acquire()
    {
        // flock excludes open file descriptions, not threads sharing one: serialise threads first.
        _threads.Enter();
        try
        {
            while (IpamSyscalls.Flock(_handle, IpamSyscalls.LOCK_EX) != 0)
            {
                int errno = IpamSyscalls.LastErrno;
                if (errno != IpamSyscalls.EINTR)
                {
                    throw new IOException($"flock {FileName}: {IpamSyscalls.Describe(errno)}");
                }
            }
        }
        catch
        {
            _threads.Exit();
            throw;
        }

        return new Held(this);
    }

    public void Dispose() => _handle.Dispose();

    private void Release()
    {
        IpamSyscalls.Flock(_handle, IpamSyscalls.LOCK_UN);
        _threads.Exit();
    }

    /// <summary>The held lock.</summary>
    public readonly struct Held : IDisposable
    {
        private readonly StoreLock _owner;

        public Held(StoreLock owner) => _owner = owner;

        public void Dispose() => _owner.Release();
    }
}
