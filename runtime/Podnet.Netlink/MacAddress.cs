using System.Buffers.Binary;
using System.Globalization;

namespace Podnet.Netlink;

/// <summary>A 48-bit IEEE 802 MAC address, stored inline (no allocation).</summary>
public readonly struct MacAddress : IEquatable<MacAddress>, ISpanFormattable
{
    /// <summary>Size of a MAC address in bytes.</summary>
    public const int Size = 6;

    private readonly ulong _value;

    /// <summary>Creates an address from its 6 bytes.</summary>
    public MacAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException("A MAC address has exactly 6 bytes.", nameof(bytes));
        }

        Span<byte> buffer = stackalloc byte[8];
        buffer.Clear();
        bytes.CopyTo(buffer[2..]);
        _value = BinaryPrimitives.ReadUInt64BigEndian(buffer);
    }

    /// <summary>Writes the 6 bytes of the address to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, _value);
        buffer[2..].CopyTo(destination);
    }

    /// <summary>Whether the group (multicast) bit is set; such an address cannot be assigned to an interface.</summary>
    public bool IsMulticast => ((_value >> 40) & 1) != 0;

    /// <summary>Whether the address is all zeros.</summary>
    public bool IsZero => _value == 0;

    /// <summary>Parses <c>aa:bb:cc:dd:ee:ff</c> (or with dashes).</summary>
    public static MacAddress Parse(string text) =>
        TryParse(text, out MacAddress mac) ? mac : throw new FormatException($"'{text}' is not a MAC address (expected aa:bb:cc:dd:ee:ff).");

    /// <summary>Parses <c>aa:bb:cc:dd:ee:ff</c> (or with dashes) without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out MacAddress mac)
    {
        mac = default;
        if (text.Length != 17)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        for (int i = 0; i < Size; i++)
        {
            if (i > 0 && text[(i * 3) - 1] is not (':' or '-'))
            {
                return false;
            }

            if (!byte.TryParse(text.Slice(i * 3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }

        mac = new MacAddress(bytes);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(MacAddress other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Equality.</summary>
    public static bool operator ==(MacAddress left, MacAddress right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(MacAddress left, MacAddress right) => !left.Equals(right);

    /// <summary>Formats as lower-case <c>aa:bb:cc:dd:ee:ff</c>, as iproute2 and the CNI results do.</summary>
    public override string ToString() => string.Create(17, this, static (span, mac) => mac.TryFormat(span, out _, default, null));

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 17)
        {
            return false;
        }

        const string hex = "0123456789abcdef";
        for (int i = 0; i < Size; i++)
        {
            byte b = (byte)(_value >> ((5 - i) * 8));
            if (i > 0)
            {
                destination[(i * 3) - 1] = ':';
            }

            destination[i * 3] = hex[b >> 4];
            destination[(i * 3) + 1] = hex[b & 0xF];
        }

        charsWritten = 17;
        return true;
    }
}
