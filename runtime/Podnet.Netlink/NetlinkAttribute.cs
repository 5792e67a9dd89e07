namespace Podnet.Netlink;

/// <summary>Constants and size arithmetic of the netlink attribute (<c>struct nlattr</c>) format.</summary>
public static class NetlinkAttribute
{
    /// <summary>Size of <c>struct nlattr</c>.</summary>
    public const int HeaderSize = 4;

    /// <summary><c>NLA_F_NESTED</c>.</summary>
    public const ushort NestedFlag = 0x8000;

    /// <summary><c>NLA_F_NET_BYTEORDER</c>.</summary>
    public const ushort NetByteOrderFlag = 0x4000;

    /// <summary><c>NLA_TYPE_MASK</c>: the attribute type without the flag bits.</summary>
    public const ushort TypeMask = 0x3FFF;

    /// <summary>Rounds <paramref name="length"/> up to the 4-byte netlink alignment (<c>NLA_ALIGN</c>).</summary>
    public static int Align(int length) => (length + 3) & ~3;

    /// <summary>Aligned size of an attribute whose payload has <paramref name="payloadLength"/> bytes.</summary>
    public static int SizeOf(int payloadLength) => Align(HeaderSize + payloadLength);

    /// <summary>Aligned size of a NUL-terminated UTF-8 string attribute.</summary>
    public static int SizeOfString(string value) => SizeOf(System.Text.Encoding.UTF8.GetByteCount(value) + 1);

    /// <summary>Aligned size of an IP address attribute (4 or 16 bytes).</summary>
    public static int SizeOfAddress(System.Net.IPAddress value) =>
        SizeOf(value.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 16 : 4);

    /// <summary>Aligned size of a fixed header of type <typeparamref name="T"/>.</summary>
    public static int SizeOfHeader<T>()
        where T : unmanaged => Align(System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
}
