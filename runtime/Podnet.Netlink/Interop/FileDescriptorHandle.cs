using System.Runtime.InteropServices;

namespace Podnet.Netlink.Interop;

/// <summary>Owns a Linux file descriptor (a socket or an open namespace file) and closes it once.</summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    /// <summary>Creates an invalid handle (used by marshalling).</summary>
    public FileDescriptorHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of <paramref name="fd"/>.</summary>
    public FileDescriptorHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true)
    {
        SetHandle(new IntPtr(fd));
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>The descriptor number (for <c>poll</c> and diagnostics).</summary>
    public int Fd => (int)handle.ToInt64();

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => Libc.Close((int)handle.ToInt64()) == 0;
}
