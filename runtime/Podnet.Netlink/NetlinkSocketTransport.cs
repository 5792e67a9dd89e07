using Podnet.Netlink.Interop;

namespace Podnet.Netlink;

/// <summary>An <c>AF_NETLINK</c> raw socket, bound, with extended ACKs on.</summary>
internal sealed unsafe class NetlinkSocketTransport : INetlinkTransport
{
    private const int SendBufferSize = 32 * 1024;
    private const int ReceiveBufferSize = 1024 * 1024;

    private readonly FileDescriptorHandle _handle;

    private NetlinkSocketTransport(FileDescriptorHandle handle, uint portId)
    {
        _handle = handle;
        PortId = portId;
    }

    /// <inheritdoc/>
    public uint PortId { get; }

    /// <summary>Opens and binds a socket of <paramref name="protocol"/> in the calling thread's network namespace.</summary>
    public static NetlinkSocketTransport Open(NetlinkProtocol protocol)
    {
        int fd = Libc.Socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, (int)protocol);
        if (fd < 0)
        {
            throw new SystemCallException("socket", Libc.LastErrno, $"(AF_NETLINK, {protocol})");
        }

        var handle = new FileDescriptorHandle(fd);
        try
        {
            SetOption(handle, Libc.SOL_NETLINK, Libc.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
            SetOption(handle, Libc.SOL_NETLINK, Libc.NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");

            // Strict checking exists for rtnetlink only; other protocols may refuse the option.
            if (!TrySetOption(handle, Libc.SOL_NETLINK, Libc.NETLINK_GET_STRICT_CHK, 1, out int errno) && errno != Errno.ENOPROTOOPT)
            {
                throw new SystemCallException("setsockopt", errno, "NETLINK_GET_STRICT_CHK");
            }

            SetBufferSize(handle, Libc.SO_SNDBUFFORCE, Libc.SO_SNDBUF, SendBufferSize);
            SetBufferSize(handle, Libc.SO_RCVBUFFORCE, Libc.SO_RCVBUF, ReceiveBufferSize);

            var address = new SocketAddressNetlink { Family = Libc.AF_NETLINK };
            if (Libc.Bind(handle, &address, (uint)sizeof(SocketAddressNetlink)) != 0)
            {
                throw new SystemCallException("bind", Libc.LastErrno, "(AF_NETLINK, port 0)");
            }

            uint length = (uint)sizeof(SocketAddressNetlink);
            if (Libc.GetSocketName(handle, &address, &length) != 0)
            {
                throw new SystemCallException("getsockname", Libc.LastErrno, "(AF_NETLINK)");
            }

            return new NetlinkSocketTransport(handle, address.PortId);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> datagram)
    {
        var kernel = new SocketAddressNetlink { Family = Libc.AF_NETLINK };
        fixed (byte* bytes = datagram)
        {
            while (true)
            {
                nint sent = Libc.SendTo(_handle, bytes, (nuint)datagram.Length, 0, &kernel, (uint)sizeof(SocketAddressNetlink));
                if (sent >= 0)
                {
                    if (sent != datagram.Length)
                    {
                        throw new SystemCallException($"sendto sent {sent} of {datagram.Length} bytes.");
                    }

                    return;
                }

                int errno = Libc.LastErrno;
                if (errno != Errno.EINTR)
                {
                    throw new SystemCallException("sendto", errno, "(netlink)");
                }
            }
        }
    }

    /// <inheritdoc/>
    public int Receive(ref byte[] buffer)
    {
        // MSG_PEEK|MSG_TRUNC returns the datagram's real length without consuming it, so nothing is ever cut short.
        int size = ReceiveCall(null, 0, Libc.MSG_PEEK | Libc.MSG_TRUNC);
        if (size > buffer.Length)
        {
            buffer = new byte[NetlinkAttribute.Align(size)];
        }

        fixed (byte* bytes = buffer)
        {
            return ReceiveCall(bytes, (nuint)buffer.Length, 0);
        }
    }

    /// <inheritdoc/>
    public bool WaitForData(int timeoutMilliseconds)
    {
        long deadline = timeoutMilliseconds < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMilliseconds;
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            while (true)
            {
                int remaining = timeoutMilliseconds < 0 ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
                var descriptor = new PollDescriptor { Fd = _handle.Fd, Events = Libc.POLLIN };
                int ready = Libc.Poll(&descriptor, 1, remaining);
                if (ready > 0)
                {
                    return true;
                }

                if (ready == 0)
                {
                    return false;
                }

                int errno = Libc.LastErrno;
                if (errno != Errno.EINTR)
                {
                    throw new SystemCallException("poll", errno, "(netlink)");
                }
            }
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <inheritdoc/>
    public void SetMembership(uint group, bool member)
    {
        int option = member ? Libc.NETLINK_ADD_MEMBERSHIP : Libc.NETLINK_DROP_MEMBERSHIP;
        SetOption(_handle, Libc.SOL_NETLINK, option, (int)group, member ? "NETLINK_ADD_MEMBERSHIP" : "NETLINK_DROP_MEMBERSHIP");
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();

    private int ReceiveCall(byte* buffer, nuint capacity, int flags)
    {
        while (true)
        {
            nint result = Libc.Receive(_handle, buffer, capacity, flags);
            if (result >= 0)
            {
                return (int)result;
            }

            int errno = Libc.LastErrno;
            if (errno != Errno.EINTR)
            {
                throw new SystemCallException("recv", errno, "(netlink)");
            }
        }
    }

    private static void SetOption(FileDescriptorHandle handle, int level, int name, int value, string optionName)
    {
        if (!TrySetOption(handle, level, name, value, out int errno))
        {
            throw new SystemCallException("setsockopt", errno, optionName);
        }
    }

    private static bool TrySetOption(FileDescriptorHandle handle, int level, int name, int value, out int errno)
    {
        int result = Libc.SetSocketOption(handle, level, name, &value, sizeof(int));
        errno = result == 0 ? 0 : Libc.LastErrno;
        return result == 0;
    }

    private static void SetBufferSize(FileDescriptorHandle handle, int forcedOption, int option, int size)
    {
        // The *FORCE variants pass rmem_max/wmem_max but need CAP_NET_ADMIN; without it the kernel caps the size.
        if (!TrySetOption(handle, Libc.SOL_SOCKET, forcedOption, size, out _))
        {
            SetOption(handle, Libc.SOL_SOCKET, option, size, "SO_RCVBUF/SO_SNDBUF");
        }
    }
}
