using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The CNI commands of the in-process IPAM, with the reference <c>host-local</c>'s semantics
/// over an <see cref="IpamStore"/>. The network name is the network configuration's <c>name</c>.
/// </summary>
public static class HostLocalIpam
{
    /// <summary>ADD: validates the ranges, reads <c>resolvConf</c>, allocates one address per range set.</summary>
    /// <exception cref="IpamException">See <see cref="IpamErrorCode"/>.</exception>
    public static IpamResult Add(string networkName, IpamConfig config, IpamAttachment attachment, IReadOnlyList<IPAddress>? requestedAddresses = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        IReadOnlyList<IpRangeSet> rangeSets = config.CreateRangeSets();
        RejectUnreachableRequests(requestedAddresses, rangeSets);
        IpamDns? dns = string.IsNullOrEmpty(config.ResolvConf) ? null : ResolvConf.Read(config.ResolvConf);
        using IpamStore store = IpamStore.Open(networkName, config.DataDirectory);
        IReadOnlyList<IpamAddress> addresses = store.Allocate(attachment, rangeSets, requestedAddresses);
        return new IpamResult(addresses, config.Routes ?? [], dns);
    }

    /// <summary>
    /// DEL: releases the attachment's addresses; succeeds when there are none. Unlike the
    /// reference, the ranges are not validated, so a DEL still cleans up after a config change.
    /// </summary>
    public static IReadOnlyList<IPAddress> Del(string networkName, IpamConfig config, IpamAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(config);
        using IpamStore store = IpamStore.Open(networkName, config.DataDirectory);
        return store.Release(attachment);
    }

    /// <summary>CHECK: the attachment must hold at least one address (as the reference checks).</summary>
    /// <exception cref="IpamException">Code 103 (<see cref="CniErrorCode.CheckFailed"/>) when it holds none.</exception>
    public static IReadOnlyList<IPAddress> Check(string networkName, IpamConfig config, IpamAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.CreateRangeSets();
        using IpamStore store = IpamStore.Open(networkName, config.DataDirectory);
        IReadOnlyList<IPAddress> addresses = store.FindAddresses(attachment);
        return addresses.Count != 0
            ? addresses
            : throw new IpamException(CniErrorCode.CheckFailed, $"Failed to find address added by container {attachment.ContainerId}");
    }

    /// <summary>GC: releases every allocation of the network not owned by a valid attachment.</summary>
    public static IReadOnlyList<IpamStoredAllocation> Gc(string networkName, IpamConfig config, IReadOnlyCollection<IpamAttachment> validAttachments)
    {
        ArgumentNullException.ThrowIfNull(config);
        using IpamStore store = IpamStore.Open(networkName, config.DataDirectory);
        return store.CollectGarbage(validAttachments);
    }

    /// <summary>STATUS: valid ranges, a writable store and a free address in every range set.</summary>
    /// <exception cref="IpamException">Code 7 for invalid ranges, 50 when ADD could not succeed.</exception>
    public static void Status(string networkName, IpamConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        IReadOnlyList<IpRangeSet> rangeSets = config.CreateRangeSets();
        IpamStore store;
        try
        {
            store = IpamStore.Open(networkName, config.DataDirectory);
        }
        catch (IpamException e) when (e.CniErrorCode == IpamErrorCode.IOFailure)
        {
            throw new IpamException(IpamErrorCode.PluginNotAvailable, e.Message, e);
        }

        using (store)
        {
            store.CheckStatus(rangeSets);
        }
    }

    /// <summary>
    /// A requested address outside every range set can never be allocated. The store would only find out after walking
    /// the range sets and moving their <c>last_reserved_ip</c> positions (as host-local does), so refuse it first.
    /// </summary>
    private static void RejectUnreachableRequests(IReadOnlyList<IPAddress>? requested, IReadOnlyList<IpRangeSet> rangeSets)
    {
        var outside = (requested ?? []).Where(ip => !rangeSets.Any(set => set.Contains(ip))).ToList();
        if (outside.Count > 0)
        {
            throw new IpamException(
                IpamErrorCode.RequestedAddressUnavailable,
                "failed to allocate all requested IPs: " + string.Join(" ", outside.Select(IpAddressText.Format)));
        }
    }
}

/// <summary>What an IPAM ADD hands to the plugin: the result's <c>ips</c>, <c>routes</c> and <c>dns</c>.</summary>
/// <param name="Addresses">One address per range set, in range set order.</param>
/// <param name="Routes">The configured routes, unchanged.</param>
/// <param name="Dns">The DNS settings read from <c>resolvConf</c>, or null when none is configured.</param>
public sealed record IpamResult(IReadOnlyList<IpamAddress> Addresses, IReadOnlyList<IpamRoute> Routes, IpamDns? Dns);
