using System.Net;

namespace Podnet.Netlink.Route;

/// <summary>Interface address operations over rtnetlink (what <c>ip addr</c> does).</summary>
public sealed class AddressTable
{
    private readonly NetlinkSocket _socket;

    internal AddressTable(NetlinkSocket socket) => _socket = socket;

    /// <summary>Adds <paramref name="address"/> to link <paramref name="index"/> (EEXIST when present).</summary>
    /// <param name="index">The link.</param>
    /// <param name="address">Address and prefix length.</param>
    /// <param name="flags">For example <see cref="AddressFlags.NoDad"/> to skip IPv6 duplicate address detection.</param>
    /// <param name="replace">Replace an existing address instead of failing.</param>
    public void Add(int index, InterfaceAddress address, AddressFlags flags = AddressFlags.None, bool replace = false)
    {
        AddressMessage message = Build(index, address);
        message.Flags = flags == AddressFlags.None ? null : flags;
        message.Header = message.Header with { Flags = (byte)((uint)flags & 0xFF) };
        if (!address.IsIPv6 && address.PrefixLength < 31)
        {
            message.Broadcast = Broadcast(address);
        }

        NetlinkMessageFlags create = NetlinkMessageFlags.Create | (replace ? NetlinkMessageFlags.Replace : NetlinkMessageFlags.Exclusive);
        _socket.Request(RouteMessageType.NewAddress, create, message);
    }

    /// <summary>Removes <paramref name="address"/> from link <paramref name="index"/>.</summary>
    /// <exception cref="NetlinkException">EADDRNOTAVAIL when the address is not there.</exception>
    public void Delete(int index, InterfaceAddress address) =>
        _socket.Request(RouteMessageType.DeleteAddress, NetlinkMessageFlags.None, Build(index, address));

    /// <summary>Addresses of one family (or all), optionally of one link only (filtered by the kernel).</summary>
    public List<AddressMessage> List(RouteAddressFamily family = RouteAddressFamily.Unspecified, int index = 0)
    {
        var request = new AddressMessage { Header = new InterfaceAddressHeader { Family = family, Index = index } };
        return _socket.DumpWithRetry(RouteMessageType.GetAddress, request);
    }

    /// <summary>Addresses of link <paramref name="index"/> as address/prefix pairs.</summary>
    public List<InterfaceAddress> ListOf(int index, RouteAddressFamily family = RouteAddressFamily.Unspecified) =>
        [.. List(family, index).Where(m => m.InterfaceIndex == index).Select(m => m.InterfaceAddress)];

    private static AddressMessage Build(int index, InterfaceAddress address) => new()
    {
        Header = new InterfaceAddressHeader
        {
            Family = address.Family,
            PrefixLength = (byte)address.PrefixLength,
            Index = index,
        },
        Local = address.Address,
        Address = address.Address,
    };

    private static IPAddress Broadcast(InterfaceAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.Address.TryWriteBytes(bytes, out _);
        uint value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
        value |= address.PrefixLength == 0 ? uint.MaxValue : (1u << (32 - address.PrefixLength)) - 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
