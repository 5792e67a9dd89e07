using System.Net;
using System.Net.Sockets;

namespace Podnet.Netlink.Netfilter;

/// <summary>
/// The expression sequences nft generates for simple matches, reproduced so Podnet's rules look (and list) exactly
/// like nft's. Every match loads into <see cref="Register.Register1"/>.
/// </summary>
internal static class PacketMatch
{
    /// <summary><c>IFNAMSIZ</c>: interface names are compared as 16 NUL-padded bytes.</summary>
    private const int InterfaceNameSize = 16;

    /// <summary><c>meta KEY == value</c>.</summary>
    public static void MetaEquals(List<Expression> expressions, MetaKey key, byte[] value)
    {
        expressions.Add(Expression.Of(new MetaExpressionData { Key = key, DestinationRegister = Register.Register1 }));
        expressions.Add(Compare(CompareOperator.Equal, value));
    }

    /// <summary><c>meta iifname "NAME"</c>.</summary>
    public static void InputInterfaceIs(List<Expression> expressions, string name)
    {
        byte[] padded = new byte[InterfaceNameSize];
        int length = System.Text.Encoding.UTF8.GetByteCount(name);
        if (length == 0 || length >= InterfaceNameSize)
        {
            throw new ArgumentException($"'{name}' is not a valid interface name (1 to 15 bytes).", nameof(name));
        }

        System.Text.Encoding.UTF8.GetBytes(name, padded);
        MetaEquals(expressions, MetaKey.InputInterfaceName, padded);
    }

    /// <summary><c>meta nfproto ipv4|ipv6</c>, as nft adds before an ip/ip6 match in an inet table.</summary>
    public static void NetfilterProtocolIs(List<Expression> expressions, AddressFamily family) =>
        MetaEquals(expressions, MetaKey.NetfilterProtocol, [(byte)(family == AddressFamily.InterNetworkV6 ? NetfilterFamily.IPv6 : NetfilterFamily.IPv4)]);

    /// <summary><c>@base,offset,length OP value</c>.</summary>
    public static void PayloadCompare(List<Expression> expressions, PayloadBase payloadBase, uint offset, CompareOperator op, byte[] value)
    {
        expressions.Add(Load(payloadBase, offset, (uint)value.Length));
        expressions.Add(Compare(op, value));
    }

    /// <summary>
    /// <c>field != network/prefix</c> for an address field: a byte-aligned prefix compares only its leading bytes,
    /// any other prefix masks the whole address with "bitwise" first (exactly as nft does).
    /// </summary>
    public static void AddressNotInNetwork(List<Expression> expressions, uint offset, IPNetwork network) =>
        AddressMatchesNetwork(expressions, offset, network, CompareOperator.NotEqual);

    /// <summary><c>field == network/prefix</c> for an address field (see <see cref="AddressNotInNetwork"/>).</summary>
    public static void AddressInNetwork(List<Expression> expressions, uint offset, IPNetwork network) =>
        AddressMatchesNetwork(expressions, offset, network, CompareOperator.Equal);

    private static void AddressMatchesNetwork(List<Expression> expressions, uint offset, IPNetwork network, CompareOperator op)
    {
        byte[] address = network.BaseAddress.GetAddressBytes();
        int prefix = network.PrefixLength;
        byte[] mask = new byte[address.Length];
        for (int bit = 0; bit < prefix; bit++)
        {
            mask[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        for (int i = 0; i < address.Length; i++)
        {
            address[i] &= mask[i];
        }

        if (prefix > 0 && prefix % 8 == 0)
        {
            PayloadCompare(expressions, PayloadBase.Network, offset, op, address[..(prefix / 8)]);
            return;
        }

        expressions.Add(Load(PayloadBase.Network, offset, (uint)address.Length));
        expressions.Add(Expression.Of(new BitwiseExpressionData
        {
            SourceRegister = Register.Register1,
            DestinationRegister = Register.Register1,
            Length = (uint)address.Length,
            Mask = DataValue.Of(mask),
            Xor = DataValue.Of(new byte[address.Length]),
        }));
        expressions.Add(Compare(op, address));
    }

    /// <summary>An immediate verdict (<c>drop</c>, <c>accept</c>, …).</summary>
    public static Expression Verdict(Verdict verdict) =>
        Expression.Of(new ImmediateExpressionData { DestinationRegister = Register.Verdict, Data = DataValue.Of(verdict) });

    private static Expression Load(PayloadBase payloadBase, uint offset, uint length) =>
        Expression.Of(new PayloadExpressionData { DestinationRegister = Register.Register1, Base = payloadBase, Offset = offset, Length = length });

    private static Expression Compare(CompareOperator op, byte[] value) =>
        Expression.Of(new CompareExpressionData { SourceRegister = Register.Register1, Operator = op, Data = DataValue.Of(value) });
}
