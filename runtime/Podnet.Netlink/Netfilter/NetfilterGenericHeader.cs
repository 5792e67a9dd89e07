using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Podnet.Netlink.Netfilter;

/// <summary>
/// <c>struct nfgenmsg</c>: the 4-byte fixed header of every nfnetlink message. <c>res_id</c> travels in network
/// byte order; <see cref="ResourceId"/> converts.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct NetfilterGenericHeader
{
    /// <summary><c>NFNETLINK_V0</c>, the only version.</summary>
    public const byte Version0 = 0;

    // Explicit fields in wire order: auto-property backing fields would be laid out after any declared field.
    private NetfilterFamily _family;
    private byte _version;
    private ushort _resourceIdBigEndian;

    /// <summary>A header for <paramref name="family"/>, version 0, resource id 0.</summary>
    public NetfilterGenericHeader(NetfilterFamily family)
    {
        _family = family;
        _version = Version0;
        _resourceIdBigEndian = 0;
    }

    /// <summary><c>nfgen_family</c>.</summary>
    public NetfilterFamily Family
    {
        readonly get => _family;
        set => _family = value;
    }

    /// <summary><c>version</c>: <see cref="Version0"/>.</summary>
    public byte Version
    {
        readonly get => _version;
        set => _version = value;
    }

    /// <summary><c>res_id</c> in host order (the subsystem id in batch delimiters, otherwise 0).</summary>
    public ushort ResourceId
    {
        readonly get => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(_resourceIdBigEndian) : _resourceIdBigEndian;
        set => _resourceIdBigEndian = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;
    }
}

/// <summary>Netfilter address families (<c>NFPROTO_*</c> in <c>linux/netfilter.h</c>): the <c>nfgen_family</c> of a message.</summary>
public enum NetfilterFamily : byte
{
    /// <summary><c>NFPROTO_UNSPEC</c>: any family (dumps of everything, batch delimiters).</summary>
    Unspecified = 0,

    /// <summary><c>NFPROTO_INET</c>: IPv4 and IPv6 together (nft family <c>inet</c>).</summary>
    Inet = 1,

    /// <summary><c>NFPROTO_IPV4</c> (nft family <c>ip</c>).</summary>
    IPv4 = 2,

    /// <summary><c>NFPROTO_ARP</c>.</summary>
    Arp = 3,

    /// <summary><c>NFPROTO_NETDEV</c>.</summary>
    Netdev = 5,

    /// <summary><c>NFPROTO_BRIDGE</c>: frames crossing a Linux bridge.</summary>
    Bridge = 7,

    /// <summary><c>NFPROTO_IPV6</c> (nft family <c>ip6</c>).</summary>
    IPv6 = 10,
}
