using System.Buffers.Binary;

namespace Podnet.Netlink.Tests.Golden;

/// <summary>
/// Rewrites an <c>RTM_NEWLINK</c> request into a canonical form for the two encodings iproute2 and Podnet legitimately
/// differ in: iproute2 sends <c>IFLA_INFO_KIND</c> without a terminating NUL (<c>addattr_l(…, strlen(kind))</c>) and
/// never sets <c>NLA_F_NESTED</c>; Podnet writes strings NUL-terminated and sets the flag (the kernel's policy for
/// <c>IFLA_INFO_KIND</c> is <c>NLA_STRING</c>, which accepts both). The canonical form has the NUL and the flag, and
/// every enclosing length recomputed; every other byte is copied unchanged, so the comparison stays exact elsewhere.
/// </summary>
internal static class LinkInfoKindCanonicalizer
{
    private const ushort Nested = 0x8000;
    private const ushort TypeMask = 0x3FFF;
    private const int LinkInfo = 18;
    private const int InfoKind = 1;
    private const int InfoData = 2;
    private const int VethPeer = 1;
    private const int InterfaceInfoSize = 16;

    /// <summary>The canonical form of a whole message (nlmsghdr + ifinfomsg + attributes).</summary>
    public static byte[] Canonicalize(byte[] message)
    {
        var output = new List<byte>(message[..(NetlinkMessageHeader.Size + InterfaceInfoSize)]);
        output.AddRange(LinkAttributes(message.AsSpan(NetlinkMessageHeader.Size + InterfaceInfoSize)));
        byte[] result = [.. output];
        BinaryPrimitives.WriteUInt32LittleEndian(result, (uint)result.Length);
        return result;
    }

    private static byte[] LinkAttributes(ReadOnlySpan<byte> attributes) =>
        Rewrite(attributes, (type, payload) => type == LinkInfo ? (true, Rewrite(payload, InfoAttribute)) : (false, payload.ToArray()));

    private static (bool Nested, byte[] Payload) InfoAttribute(ushort type, ReadOnlySpan<byte> payload)
    {
        if (type == InfoKind)
        {
            return (false, payload.Length > 0 && payload[^1] == 0 ? payload.ToArray() : [.. payload, 0]);
        }

        if (type == InfoData)
        {
            // Only veth data is nested further (VETH_INFO_PEER: ifinfomsg + link attributes).
            return (true, Rewrite(payload, (inner, peer) => inner == VethPeer
                ? (true, [.. peer[..InterfaceInfoSize], .. LinkAttributes(peer[InterfaceInfoSize..])])
                : (false, peer.ToArray())));
        }

        return (false, payload.ToArray());
    }

    private delegate (bool Nested, byte[] Payload) AttributeRewrite(ushort type, ReadOnlySpan<byte> payload);

    private static byte[] Rewrite(ReadOnlySpan<byte> attributes, AttributeRewrite rewrite)
    {
        var output = new List<byte>();
        while (attributes.Length >= 4)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(attributes);
            ushort type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(attributes[2..]) & TypeMask);
            (bool nested, byte[] payload) = rewrite(type, attributes[4..length]);
            byte[] header = new byte[4];
            BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(4 + payload.Length));
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), (ushort)(type | (nested ? Nested : 0)));
            output.AddRange(header);
            output.AddRange(payload);
            output.AddRange(new byte[NetlinkAttribute.Align(payload.Length) - payload.Length]);
            attributes = attributes[Math.Min(attributes.Length, NetlinkAttribute.Align(length))..];
        }

        return [.. output];
    }
}
