using System.Net;
using Podnet.Agent.Etcd;
using Podnet.Etcd;

namespace Podnet.AgentBench;

/// <summary>The route table against the membership in etcd, exactly: one route per other node's subnet via its IP, nothing else.</summary>
internal sealed record MembershipCheck(int Expected, int Present, int Missing, int Stale, int WrongGateway)
{
    public bool Exact => Missing == 0 && Stale == 0 && WrongGateway == 0;

    public static async Task<MembershipCheck> RunAsync(IEtcdClient client, string ns, CancellationToken cancellationToken)
    {
        EtcdRange range = await client.GetPrefixAsync(SyntheticNodes.Keys.Subnets, cancellationToken);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (EtcdKeyValue item in range.Items)
        {
            IPNetwork subnet = SyntheticNodes.Keys.Parse(item.Key) ?? throw new InvalidOperationException($"unexpected key {item.Key}");
            SubnetLease lease = SubnetLease.Parse(subnet, item.Value, item.LeaseId, item.ModRevision);
            if (!lease.PublicIp.Equals(SyntheticNodes.SelfIp))
            {
                expected[subnet.ToString()] = lease.PublicIp.ToString();
            }
        }

        Dictionary<string, string> routes = NodeNetwork.Routes(ns);
        int missing = expected.Keys.Count(k => !routes.ContainsKey(k));
        int stale = routes.Keys.Count(k => !expected.ContainsKey(k));
        int wrong = expected.Count(e => routes.TryGetValue(e.Key, out string? via) && via != e.Value);
        return new MembershipCheck(expected.Count, routes.Count, missing, stale, wrong);
    }

    public override string ToString() =>
        Exact ? $"exact ({Present} routes = {Expected} other members)" : $"MISMATCH: {Expected} expected, {Present} present, {Missing} missing, {Stale} stale, {WrongGateway} wrong gateway";
}
