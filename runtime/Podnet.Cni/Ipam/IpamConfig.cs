using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The <c>host-local</c>-compatible IPAM configuration, as plain data. The plugin maps the
/// generated CNI JSON types onto it (including the legacy single-range form and
/// <c>runtimeConfig.ipRanges</c>, which the reference prepends to <see cref="Ranges"/>).
/// </summary>
/// <param name="Ranges">The range sets; the allocator hands out one address per range set.</param>
/// <param name="DataDirectory">The store root; null or empty means <see cref="IpamStore.DefaultDataDirectory"/>.</param>
/// <param name="Routes">Routes passed through to the result.</param>
/// <param name="ResolvConf">A resolv.conf path whose DNS settings go into the result, or null.</param>
public sealed record IpamConfig(
    IReadOnlyList<IReadOnlyList<IpamRangeSpec>> Ranges,
    string? DataDirectory = null,
    IReadOnlyList<IpamRoute>? Routes = null,
    string? ResolvConf = null)
{
    /// <summary>
    /// Validates and canonicalises every range set like the reference's <c>LoadIPAMConfig</c>:
    /// at least one range set, each one valid, no two range sets overlapping.
    /// </summary>
    /// <exception cref="IpamException">Code 7 with the reference's message.</exception>
    public IReadOnlyList<IpRangeSet> CreateRangeSets()
    {
        if (Ranges is null || Ranges.Count == 0)
        {
            throw new IpamException(IpamErrorCode.InvalidNetworkConfig, "no IP ranges specified");
        }

        var sets = new IpRangeSet[Ranges.Count];
        for (int i = 0; i < sets.Length; i++)
        {
            try
            {
                sets[i] = IpRangeSet.Create(Ranges[i]);
            }
            catch (IpamException e)
            {
                throw new IpamException(e.CniErrorCode, $"invalid range set {i}: {e.Message}", e);
            }
        }

        for (int i = 0; i < sets.Length - 1; i++)
        {
            for (int j = i + 1; j < sets.Length; j++)
            {
                if (sets[i].Overlaps(sets[j]))
                {
                    throw new IpamException(IpamErrorCode.InvalidNetworkConfig, $"range set {i} overlaps with {j}");
                }
            }
        }

        return sets;
    }
}

/// <summary>
/// One range as written in the <c>ipam.ranges</c> configuration (the reference's <c>Range</c>),
/// before validation. Missing members get the reference's defaults in <see cref="IpRange.Create"/>.
/// </summary>
/// <param name="Subnet">The subnet, host bits as written.</param>
/// <param name="RangeStart">The first allocatable address (inclusive); default: network + 1.</param>
/// <param name="RangeEnd">The last allocatable address (inclusive); default: broadcast − 1 (IPv4) or the last address (IPv6).</param>
/// <param name="Gateway">The gateway, never allocated; default: network + 1.</param>
public sealed record IpamRangeSpec(IpCidr Subnet, IPAddress? RangeStart = null, IPAddress? RangeEnd = null, IPAddress? Gateway = null);

/// <summary>A route from <c>ipam.routes</c>, passed through to the result unchanged.</summary>
/// <param name="Destination">The destination prefix.</param>
/// <param name="Gateway">The next hop; null means the plugin's default gateway.</param>
public sealed record IpamRoute(IpCidr Destination, IPAddress? Gateway = null);
