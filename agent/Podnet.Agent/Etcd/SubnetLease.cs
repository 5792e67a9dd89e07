using System.Net;
using System.Net.Sockets;
using Podnet.Agent.Schema;

namespace Podnet.Agent.Etcd;

/// <summary>
/// One subnet key, decoded: which node holds the subnet and whether it is a reservation (a key without a lease) or a
/// lease. Leases written by flannel have no node name; the node's public IP stands in for it.
/// </summary>
public sealed record SubnetLease(IPNetwork Subnet, IPAddress PublicIp, string? NodeName, long LeaseId, long ModRevision)
{
    private static readonly byte[] s_null = "null"u8.ToArray();

    /// <summary>Whether this is a reservation (a key with no lease, never expiring).</summary>
    public bool IsReservation => LeaseId == 0;

    /// <summary>The member name this subnet's node goes by: its podnet node name, or its public IP.</summary>
    public string MemberName => NodeName ?? PublicIp.ToString();

    /// <summary>Decodes a subnet key's value.</summary>
    /// <exception cref="FormatException">Not JSON of the lease format, or PublicIP not an IPv4 address.</exception>
    public static SubnetLease Parse(IPNetwork subnet, ReadOnlySpan<byte> value, long leaseId, long modRevision)
    {
        SubnetLeaseValue parsed;
        try
        {
            parsed = SubnetLeaseValue.Parse(value);
        }
        catch (Exception e) when (e is CniDecodeException or System.Text.Json.JsonException)
        {
            throw new FormatException(e.Message, e);
        }

        // PublicIP is format "ip": the generated reader has parsed it.
        if (parsed.PublicIP is not { } ip || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new FormatException($"PublicIP \"{parsed.PublicIP}\" is not an IPv4 address");
        }

        return new SubnetLease(subnet, ip, string.IsNullOrEmpty(parsed.PodnetNode) ? null : parsed.PodnetNode, leaseId, modRevision);
    }

    /// <summary>The value podnet writes for a node: flannel's members plus <c>PodnetNode</c>.</summary>
    public static byte[] Value(IPAddress publicIp, string? nodeName) => new SubnetLeaseValue
    {
        PublicIP = publicIp,
        BackendType = "host-gw",
        BackendData = s_null,
        PodnetNode = nodeName,
    }.ToUtf8Bytes();
}
