namespace Podnet.Netlink;

/// <summary>Byte order of an integer attribute payload.</summary>
public enum NetlinkByteOrder
{
    /// <summary>Host byte order (the netlink default).</summary>
    Native = 0,

    /// <summary>Network byte order (big-endian), as used by nftables and some IP fields.</summary>
    BigEndian = 1,
}
