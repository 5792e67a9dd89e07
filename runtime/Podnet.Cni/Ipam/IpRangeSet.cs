using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// A validated range set: ranges of one address family that do not overlap. The allocator
/// hands out exactly one address per range set (dual-stack = one IPv4 and one IPv6 set).
/// </summary>
public sealed class IpRangeSet
{
    private readonly IpRange[] _ranges;

    private IpRangeSet(IpRange[] ranges)
    {
        _ranges = ranges;
    }

    /// <summary>The ranges, in configuration order (the order addresses are walked in).</summary>
    public IReadOnlyList<IpRange> Ranges => _ranges;

    /// <summary>True for an IPv6 range set.</summary>
    public bool IsIPv6 => _ranges[0].IsIPv6;

    /// <summary>Validates a range set like the reference's <c>RangeSet.Canonicalize</c>.</summary>
    /// <exception cref="IpamException">Code 7: empty set, an invalid range, mixed families, overlapping ranges.</exception>
    public static IpRangeSet Create(IReadOnlyList<IpamRangeSpec> specs)
    {
        if (specs is null || specs.Count == 0)
        {
            throw new IpamException(IpamErrorCode.InvalidNetworkConfig, "empty range set");
        }

        var ranges = new IpRange[specs.Count];
        for (int i = 0; i < ranges.Length; i++)
        {
            ranges[i] = IpRange.Create(specs[i]);
            if (ranges[i].IsIPv6 != ranges[0].IsIPv6)
            {
                throw new IpamException(IpamErrorCode.InvalidNetworkConfig, "mixed address families");
            }
        }

        for (int i = 0; i < ranges.Length - 1; i++)
        {
            for (int j = i + 1; j < ranges.Length; j++)
            {
                if (ranges[i].Overlaps(ranges[j]))
                {
                    throw new IpamException(IpamErrorCode.InvalidNetworkConfig, $"subnets {ranges[i]} and {ranges[j]} overlap");
                }
            }
        }

        return new IpRangeSet(ranges);
    }

    /// <summary>True if a range of the set contains the address.</summary>
    public bool Contains(IPAddress address) => RangeFor(address) is not null;

    /// <summary>The range containing the address, or null.</summary>
    public IpRange? RangeFor(IPAddress address)
    {
        foreach (IpRange range in _ranges)
        {
            if (range.Contains(address))
            {
                return range;
            }
        }

        return null;
    }

    /// <summary>True if any range of this set overlaps any range of the other.</summary>
    public bool Overlaps(IpRangeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (IpRange range in _ranges)
        {
            foreach (IpRange otherRange in other._ranges)
            {
                if (range.Overlaps(otherRange))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The ranges joined by commas, as the reference prints a range set.</summary>
    public override string ToString() => string.Join(",", _ranges.Select(r => r.ToString()));
}
