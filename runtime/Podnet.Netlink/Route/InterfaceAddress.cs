using System.Net;
using System.Net.Sockets;

namespace Podnet.Netlink.Route;

/// <summary>An address with its prefix length as configured on an interface (<c>10.244.1.5/24</c>): host bits allowed.</summary>
public readonly record struct InterfaceAddress(IPAddress Address, int PrefixLength)
{
    /// <summary>Whether this is an IPv6 address.</summary>
    public bool IsIPv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>The rtnetlink family.</summary>
    public RouteAddressFamily Family => IsIPv6 ? RouteAddressFamily.Inet6 : RouteAddressFamily.Inet;

    /// <summary>The network this address is in.</summary>
    public IPNetwork Network => new(Mask(Address, PrefixLength), PrefixLength);

    /// <summary>Parses <c>address/prefix</c>.</summary>
    public static InterfaceAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out IPAddress? address) ||
            !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int prefix) ||
            prefix > (address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32))
        {
            throw new FormatException($"'{text}' is not an address with a prefix length (e.g. 10.244.1.5/24).");
        }

        return new InterfaceAddress(address, prefix);
    }

    /// <summary>Clears the host bits of <paramref name="address"/>.</summary>
    public static IPAddress Mask(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        bytes = bytes[..length];
        for (int i = 0; i < length; i++)
        {
            int bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Address}/{PrefixLength}";
}
