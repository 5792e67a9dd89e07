using System.Diagnostics.CodeAnalysis;
using System.Net;
using Podnet.Cni.Ipam;

namespace Podnet.Cni;

/// <summary>
/// An address with a prefix length, as written in CNI configuration (<c>"10.1.0.0/24"</c>).
/// Unlike <see cref="IPNetwork"/> it keeps host bits, so validation can report them the way the
/// reference does instead of failing to parse.
/// </summary>
/// <param name="Address">The address as written (host bits may be set).</param>
/// <param name="PrefixLength">The prefix length.</param>
public readonly record struct IpCidr(IPAddress Address, int PrefixLength)
{
    /// <summary>Parses <c>address/prefix</c>; throws <see cref="IpamException"/> (code 7) when malformed.</summary>
    public static IpCidr Parse(string text)
    {
        if (!TryParse(text, out IpCidr cidr))
        {
            throw new IpamException(IpamErrorCode.InvalidNetworkConfig, $"invalid CIDR address: {text}");
        }

        return cidr;
    }

    /// <summary>Parses <c>address/prefix</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IpCidr cidr)
    {
        cidr = default;
        if (text is null)
        {
            return false;
        }

        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || slash < text.Length - 4)
        {
            return false;
        }

        // The address part is parsed without IPv4-mapped canonicalisation: a mapped subnet is an error.
        ReadOnlySpan<char> addressText = text.AsSpan(0, slash);
        IPAddress? address;
        if (addressText.Contains(':'))
        {
            if (!IpAddressText.TryParse(addressText, out _) || !IPAddress.TryParse(addressText, out address))
            {
                return false;
            }
        }
        else if (!IpAddressText.TryParse(addressText, out address))
        {
            return false;
        }

        int prefix = 0;
        foreach (char c in text.AsSpan(slash + 1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            prefix = (prefix * 10) + (c - '0');
        }

        if ((text.Length - slash - 1 > 1 && text[slash + 1] == '0') || prefix > IpAddressValue.BitLength(IpAddressValue.IsIPv6(address)))
        {
            return false;
        }

        cidr = new IpCidr(address, prefix);
        return true;
    }

    /// <summary>The network address: <see cref="Address"/> with the host bits cleared.</summary>
    public IPAddress NetworkAddress
    {
        get
        {
            bool isIPv6 = IpAddressValue.IsIPv6(Address);
            UInt128 value = IpAddressValue.ToValue(Address) & ~IpAddressValue.HostMask(PrefixLength, isIPv6);
            return IpAddressValue.FromValue(value, isIPv6);
        }
    }

    /// <summary><c>address/prefix</c>, the address spelled as Go spells it.</summary>
    public override string ToString() => $"{IpAddressText.Format(Address)}/{PrefixLength}";
}
