using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// A validated range: a subnet with an inclusive span of allocatable addresses and a gateway.
/// Created by <see cref="Create"/>, which applies the reference's <c>Range.Canonicalize</c> rules.
/// </summary>
public sealed class IpRange
{
    private IpRange(IpCidr subnet, bool isIPv6, UInt128 network, UInt128 broadcast, UInt128 start, UInt128 end, UInt128 gateway)
    {
        Subnet = subnet;
        IsIPv6 = isIPv6;
        NetworkValue = network;
        BroadcastValue = broadcast;
        StartValue = start;
        EndValue = end;
        GatewayValue = gateway;
        RangeStart = IpAddressValue.FromValue(start, isIPv6);
        RangeEnd = IpAddressValue.FromValue(end, isIPv6);
        Gateway = IpAddressValue.FromValue(gateway, isIPv6);
    }

    /// <summary>The subnet (network address, no host bits).</summary>
    public IpCidr Subnet { get; }

    /// <summary>True for an IPv6 range.</summary>
    public bool IsIPv6 { get; }

    /// <summary>The first allocatable address (inclusive).</summary>
    public IPAddress RangeStart { get; }

    /// <summary>The last allocatable address (inclusive).</summary>
    public IPAddress RangeEnd { get; }

    /// <summary>The gateway; never allocated.</summary>
    public IPAddress Gateway { get; }

    internal UInt128 NetworkValue { get; }

    internal UInt128 BroadcastValue { get; }

    internal UInt128 StartValue { get; }

    internal UInt128 EndValue { get; }

    internal UInt128 GatewayValue { get; }

    /// <summary>
    /// Validates a range and fills in the defaults, with the reference's error messages.
    /// Two checks are stricter than the reference (documented in docs/ipam.md): a gateway outside
    /// the subnet and a <c>rangeStart</c> after the default <c>rangeEnd</c> are rejected.
    /// </summary>
    /// <exception cref="IpamException">Code 7.</exception>
    public static IpRange Create(IpamRangeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IpCidr subnet = spec.Subnet;
        if (subnet.Address is null)
        {
            throw Invalid("subnet is missing");
        }

        bool isIPv6 = IpAddressValue.IsIPv6(subnet.Address);
        int bits = IpAddressValue.BitLength(isIPv6);

        // A /31, /32, /127 or /128 has no address left once network and gateway are taken.
        if (subnet.PrefixLength > bits - 2)
        {
            throw Invalid($"Network {subnet} too small to allocate from");
        }

        if (subnet.Address.IsIPv4MappedToIPv6)
        {
            throw Invalid("IPNet IP and Mask version mismatch");
        }

        UInt128 hostMask = IpAddressValue.HostMask(subnet.PrefixLength, isIPv6);
        UInt128 address = IpAddressValue.ToValue(subnet.Address);
        UInt128 network = address & ~hostMask;
        if (network != address)
        {
            throw Invalid($"Network has host bits set. For a subnet mask of length {subnet.PrefixLength} the network address is {IpAddressText.Format(IpAddressValue.FromValue(network, isIPv6))}");
        }

        UInt128 broadcast = network | hostMask;
        var span = new Span(isIPv6, network, broadcast);

        UInt128 gateway = network + 1;
        if (spec.Gateway is not null)
        {
            IPAddress gatewayAddress = IpAddressValue.Canonicalize(spec.Gateway);
            if (!span.Contains(gatewayAddress, null, null))
            {
                throw Invalid($"Gateway {IpAddressText.Format(gatewayAddress)} not in network {subnet}");
            }

            gateway = IpAddressValue.ToValue(gatewayAddress);
        }

        // As in the reference, rangeStart is checked against an explicit rangeEnd (so a reversed
        // pair reports the start), and rangeEnd against the final rangeStart.
        UInt128? explicitEnd = null;
        IPAddress? endAddress = spec.RangeEnd is null ? null : IpAddressValue.Canonicalize(spec.RangeEnd);
        if (endAddress is not null && span.IsSameFamily(endAddress))
        {
            explicitEnd = IpAddressValue.ToValue(endAddress);
        }

        UInt128 start = network + 1;
        if (spec.RangeStart is not null)
        {
            IPAddress startAddress = IpAddressValue.Canonicalize(spec.RangeStart);
            if (!span.Contains(startAddress, null, explicitEnd))
            {
                throw Invalid($"RangeStart {IpAddressText.Format(startAddress)} not in network {subnet}");
            }

            start = IpAddressValue.ToValue(startAddress);
        }

        UInt128 end = isIPv6 ? broadcast : broadcast - 1;
        if (endAddress is not null)
        {
            if (!span.Contains(endAddress, start, null))
            {
                throw Invalid($"RangeEnd {IpAddressText.Format(endAddress)} not in network {subnet}");
            }

            end = IpAddressValue.ToValue(endAddress);
        }
        else if (start > end)
        {
            throw Invalid($"RangeStart {IpAddressText.Format(IpAddressValue.FromValue(start, isIPv6))} is after RangeEnd {IpAddressText.Format(IpAddressValue.FromValue(end, isIPv6))}");
        }

        return new IpRange(new IpCidr(subnet.Address, subnet.PrefixLength), isIPv6, network, broadcast, start, end, gateway);
    }

    /// <summary>True if the address is of this family and between <see cref="RangeStart"/> and <see cref="RangeEnd"/>.</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = IpAddressValue.Canonicalize(address);
        if (IpAddressValue.IsIPv6(address) != IsIPv6)
        {
            return false;
        }

        UInt128 value = IpAddressValue.ToValue(address);
        return value >= StartValue && value <= EndValue;
    }

    /// <summary>True if both ranges are of one family and share an address.</summary>
    public bool Overlaps(IpRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IsIPv6 == other.IsIPv6 && StartValue <= other.EndValue && other.StartValue <= EndValue;
    }

    /// <summary>
    /// True if the address may be handed out: not the gateway, and — stricter than the reference,
    /// which would hand them out if rangeStart/rangeEnd included them — not the network address
    /// nor the IPv4 broadcast address.
    /// </summary>
    internal bool IsAllocatable(UInt128 value) =>
        value != GatewayValue && value != NetworkValue && (IsIPv6 || value != BroadcastValue);

    /// <summary><c>rangeStart-rangeEnd</c>, as the reference prints a range.</summary>
    public override string ToString() => $"{IpAddressText.Format(RangeStart)}-{IpAddressText.Format(RangeEnd)}";

    private static IpamException Invalid(string message) => new(IpamErrorCode.InvalidNetworkConfig, message);

    private readonly record struct Span(bool IsIPv6, UInt128 Network, UInt128 Broadcast)
    {
        public bool IsSameFamily(IPAddress address) => IpAddressValue.IsIPv6(address) == IsIPv6;

        public bool Contains(IPAddress address, UInt128? lowest, UInt128? highest)
        {
            if (!IsSameFamily(address))
            {
                return false;
            }

            UInt128 value = IpAddressValue.ToValue(address);
            return value >= Network && value <= Broadcast
                && (lowest is null || value >= lowest.Value)
                && (highest is null || value <= highest.Value);
        }
    }
}
