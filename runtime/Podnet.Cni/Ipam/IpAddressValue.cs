using System.Net;
using System.Net.Sockets;

namespace Podnet.Cni.Ipam;

/// <summary>Addresses as 128-bit integers, so ranges can be walked and compared without allocating.</summary>
internal static class IpAddressValue
{
    public static UInt128 ToValue(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        UInt128 value = UInt128.Zero;
        for (int i = 0; i < length; i++)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    public static IPAddress FromValue(UInt128 value, bool isIPv6)
    {
        Span<byte> bytes = stackalloc byte[isIPv6 ? 16 : 4];
        for (int i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    public static int BitLength(bool isIPv6) => isIPv6 ? 128 : 32;

    /// <summary>The mask of the host part of a prefix (all ones in the bits after the prefix).</summary>
    public static UInt128 HostMask(int prefixLength, bool isIPv6)
    {
        int hostBits = BitLength(isIPv6) - prefixLength;
        return hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - UInt128.One;
    }

    /// <summary>IPv4-mapped IPv6 addresses become IPv4, as the reference's canonicalisation does.</summary>
    public static IPAddress Canonicalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static bool IsIPv6(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6;
}
