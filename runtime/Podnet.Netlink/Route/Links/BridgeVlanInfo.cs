using System.Buffers.Binary;

namespace Podnet.Netlink.Route;

/// <summary><c>struct bridge_vlan_info</c>: flags and VLAN id, both native-endian u16.</summary>
public static class BridgeVlanInfo
{
    /// <summary><c>BRIDGE_VLAN_INFO_PVID</c>: untagged ingress frames get this VLAN.</summary>
    public const ushort Pvid = 0x2;

    /// <summary><c>BRIDGE_VLAN_INFO_UNTAGGED</c>: egress frames leave untagged.</summary>
    public const ushort Untagged = 0x4;

    /// <summary>Encodes one entry.</summary>
    public static byte[] Encode(ushort vid, ushort flags)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, flags);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), vid);
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, flags);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), vid);
        }

        return bytes;
    }
}
