using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Podnet.Agent.Schema;
using Podnet.Node.Routing;

namespace Podnet.Agent.Etcd;

/// <summary>
/// The network configuration at <c>&lt;prefix&gt;/config</c> (flannel's format), decoded and checked, with flannel's
/// defaults applied: a subnet length of 24 (or the network's prefix + 1 when the network is /24 or longer), leasable
/// subnets from the network's second subnet to its last.
/// </summary>
public sealed record EtcdNetwork(IPNetwork Network, int SubnetLength, IPAddress SubnetMin, IPAddress SubnetMax)
{
    /// <summary>How many subnets lie between <see cref="SubnetMin"/> and <see cref="SubnetMax"/>.</summary>
    public long Capacity => (long)((ToNumber(SubnetMax) - ToNumber(SubnetMin)) >> (32 - SubnetLength)) + 1;

    /// <summary>Decodes and checks the configuration; the message says what is wrong.</summary>
    /// <exception cref="FormatException">Malformed JSON, a wrong member type or an inconsistent configuration.</exception>
    public static EtcdNetwork Parse(ReadOnlySpan<byte> json)
    {
        NetworkConfig config;
        try
        {
            config = NetworkConfig.Parse(json);
        }
        catch (Exception e) when (e is CniDecodeException or System.Text.Json.JsonException)
        {
            throw new FormatException(e.Message, e);
        }

        // Network is format "cidr": the generated reader has parsed it; a pod network also has no host bits.
        if (config.Network is not { } cidr || !cidr.Address.Equals(cidr.NetworkAddress) || cidr.Address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new FormatException($"Network \"{config.Network}\" is not an IPv4 CIDR with the host bits zero");
        }

        var network = new IPNetwork(cidr.Address, cidr.PrefixLength);

        if (config.EnableIPv6 == true || config.EnableIPv4 == false)
        {
            throw new FormatException("podnet's etcd backend routes IPv4 only (EnableIPv6 must be false, EnableIPv4 true or absent)");
        }

        if (config.Backend?.Type is { } type && type != "host-gw")
        {
            throw new FormatException($"Backend.Type \"{type}\": podnet implements host-gw only");
        }

        int length = config.SubnetLen is { } l ? checked((int)l) : network.PrefixLength < 24 ? 24 : network.PrefixLength + 1;
        if (length <= network.PrefixLength || length > 30)
        {
            throw new FormatException($"SubnetLen {length} must be longer than the network's prefix /{network.PrefixLength} and at most 30");
        }

        BigInteger size = BigInteger.One << (32 - length);
        BigInteger first = ToNumber(network.BaseAddress);
        BigInteger last = first + (BigInteger.One << (32 - network.PrefixLength)) - size;
        IPAddress min = config.SubnetMin is { } minText ? Subnet(minText, "SubnetMin", length) : FromNumber(first + size);
        IPAddress max = config.SubnetMax is { } maxText ? Subnet(maxText, "SubnetMax", length) : FromNumber(last);
        if (ToNumber(min) < first || ToNumber(max) > last || ToNumber(min) > ToNumber(max))
        {
            throw new FormatException($"SubnetMin {min} and SubnetMax {max} must lie within {network}, in order");
        }

        return new EtcdNetwork(network, length, min, max);
    }

    /// <summary>Whether <paramref name="subnet"/> is a subnet of this network of the configured length.</summary>
    public bool Contains(IPNetwork subnet) =>
        subnet.PrefixLength == SubnetLength && subnet.BaseAddress.AddressFamily == AddressFamily.InterNetwork && Network.Contains(subnet.BaseAddress);

    /// <summary>Every leasable subnet, from <see cref="SubnetMin"/> to <see cref="SubnetMax"/>.</summary>
    public IEnumerable<IPNetwork> Subnets()
    {
        BigInteger size = BigInteger.One << (32 - SubnetLength);
        for (BigInteger n = ToNumber(SubnetMin); n <= ToNumber(SubnetMax); n += size)
        {
            yield return new IPNetwork(FromNumber(n), SubnetLength);
        }
    }

    private static IPAddress Subnet(IPAddress address, string member, int length)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new FormatException($"{member} \"{address}\" is not an IPv4 address");
        }

        if ((ToNumber(address) & ((BigInteger.One << (32 - length)) - 1)) != 0)
        {
            throw new FormatException($"{member} {address} is not the start of a /{length} subnet");
        }

        return address;
    }

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromNumber(BigInteger number)
    {
        byte[] bytes = new byte[4];
        number.TryWriteBytes(bytes, out int written, isUnsigned: true, isBigEndian: true);
        byte[] padded = new byte[4];
        Array.Copy(bytes, 0, padded, 4 - written, written);
        return new IPAddress(padded);
    }
}
