using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Podnet.Etcd;
using Podnet.Node;
using Podnet.Node.Routing;

namespace Podnet.Agent.Etcd;

/// <summary><c>podnetd network init</c>, <c>podnetd network reserve</c> and <c>podnetd leave</c>: administering the network in etcd.</summary>
internal static class NetworkCommands
{
    private static readonly HashSet<string> s_connection = ["etcd-endpoints", "etcd-prefix", "etcd-cacert", "etcd-cert", "etcd-key"];

    public static readonly Verb InitVerb = new(
        "podnetd",
        "network init",
        "  podnetd network init --etcd-endpoints URLS --network CIDR [--subnet-len 24] [--subnet-min IP] [--subnet-max IP] [--etcd-prefix P] [--force]",
        new HashSet<string> { "force" },
        new HashSet<string>(s_connection) { "network", "subnet-len", "subnet-min", "subnet-max", "force" });

    public static readonly Verb ReserveVerb = new(
        "podnetd",
        "network reserve",
        "  podnetd network reserve --etcd-endpoints URLS --subnet CIDR --public-ip IP [--node NAME] [--etcd-prefix P]",
        new HashSet<string>(),
        new HashSet<string>(s_connection) { "subnet", "public-ip", "node" });

    public static readonly Verb LeaveVerb = new(
        "podnetd",
        "leave",
        "  podnetd leave --etcd-endpoints URLS --node NAME [--etcd-prefix P] [--release-reservation]",
        new HashSet<string> { "release-reservation" },
        new HashSet<string>(s_connection) { "node", "release-reservation" });

    public static int Init(IEnumerable<string> args) => InitVerb.Run(args, line =>
    {
        string network = line.Require("network");
        var json = new StringBuilder();
        json.Append("{\"Network\":\"").Append(network).Append('"');
        if (line.Get("subnet-len") is { } len)
        {
            json.Append(",\"SubnetLen\":").Append(int.TryParse(len, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : throw new UsageException($"--subnet-len {len}: not a number"));
        }

        if (line.Get("subnet-min") is { } min)
        {
            json.Append(",\"SubnetMin\":\"").Append(min).Append('"');
        }

        if (line.Get("subnet-max") is { } max)
        {
            json.Append(",\"SubnetMax\":\"").Append(max).Append('"');
        }

        json.Append(",\"Backend\":{\"Type\":\"host-gw\"}}");
        byte[] value = Encoding.UTF8.GetBytes(json.ToString());
        EtcdNetwork parsed;
        try
        {
            parsed = EtcdNetwork.Parse(value);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        return WithEtcd(line, "network init", async (client, keys) =>
        {
            if (await client.CreateAsync(keys.Config, value).ConfigureAwait(false))
            {
                Console.Out.WriteLine($"{keys.Config}: created ({parsed.Network}, {parsed.Capacity} /{parsed.SubnetLength} subnets from {parsed.SubnetMin} to {parsed.SubnetMax})");
                return 0;
            }

            EtcdKeyValue existing = await client.GetAsync(keys.Config).ConfigureAwait(false) ?? throw new AgentException($"{keys.Config} vanished; run again");
            if (existing.Value.AsSpan().SequenceEqual(value))
            {
                Console.Out.WriteLine($"{keys.Config}: unchanged");
                return 0;
            }

            if (!line.Has("force"))
            {
                Console.Error.WriteLine($"podnetd network init: {keys.Config} exists with other content: {Encoding.UTF8.GetString(existing.Value)}; use --force to replace it");
                return 1;
            }

            await client.PutAsync(keys.Config, value).ConfigureAwait(false);
            Console.Out.WriteLine($"{keys.Config}: replaced");
            return 0;
        });
    });

    public static int Reserve(IEnumerable<string> args) => ReserveVerb.Run(args, line =>
    {
        string subnetText = line.Require("subnet");
        if (!CidrNotation.TryParse(subnetText, out IPNetwork subnet) || subnet.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new UsageException($"--subnet {subnetText}: not an IPv4 CIDR with the host bits zero");
        }

        string ipText = line.Require("public-ip");
        if (!Podnet.Cni.IpAddressText.TryParse(ipText, out IPAddress? ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new UsageException($"--public-ip {ipText}: not an IPv4 address");
        }

        byte[] value = SubnetLease.Value(ip, line.Get("node"));
        return WithEtcd(line, "network reserve", async (client, keys) =>
        {
            if (await client.GetAsync(keys.Config).ConfigureAwait(false) is { } config)
            {
                EtcdNetwork network = EtcdNetwork.Parse(config.Value);
                if (!network.Contains(subnet))
                {
                    Console.Error.WriteLine($"podnetd network reserve: {subnet} is not a /{network.SubnetLength} subnet of {network.Network}");
                    return 1;
                }
            }

            string key = keys.For(subnet);
            if (await client.CreateAsync(key, value).ConfigureAwait(false))
            {
                Console.Out.WriteLine($"{key}: reserved for {ip}");
                return 0;
            }

            EtcdKeyValue? existing = await client.GetAsync(key).ConfigureAwait(false);
            if (existing is not null && existing.LeaseId == 0 && existing.Value.AsSpan().SequenceEqual(value))
            {
                Console.Out.WriteLine($"{key}: unchanged");
                return 0;
            }

            Console.Error.WriteLine($"podnetd network reserve: {key} is taken: {(existing is null ? "(gone meanwhile; run again)" : Encoding.UTF8.GetString(existing.Value))}{(existing?.LeaseId is > 0 ? $" with lease {existing.LeaseId:x}" : "")}");
            return 1;
        });
    });

    public static int Leave(IEnumerable<string> args) => LeaveVerb.Run(args, line =>
    {
        string node = line.Require("node");
        return WithEtcd(line, "leave", async (client, keys) =>
        {
            EtcdRange range = await client.GetPrefixAsync(keys.Subnets).ConfigureAwait(false);
            int found = 0;
            int kept = 0;
            foreach (EtcdKeyValue item in range.Items)
            {
                SubnetLease lease;
                try
                {
                    lease = SubnetLease.Parse(keys.Parse(item.Key) ?? throw new FormatException("not a subnet key"), item.Value, item.LeaseId, item.ModRevision);
                }
                catch (FormatException)
                {
                    continue;
                }

                if (lease.NodeName != node && lease.PublicIp.ToString() != node)
                {
                    continue;
                }

                found++;
                if (!lease.IsReservation)
                {
                    await client.RevokeLeaseAsync(lease.LeaseId).ConfigureAwait(false);
                    Console.Out.WriteLine($"{item.Key}: lease {lease.LeaseId:x} revoked");
                }
                else if (line.Has("release-reservation"))
                {
                    await client.DeleteIfAsync(item.Key, item.ModRevision).ConfigureAwait(false);
                    Console.Out.WriteLine($"{item.Key}: reservation released");
                }
                else
                {
                    kept++;
                    Console.Out.WriteLine($"{item.Key}: a reservation for {lease.PublicIp}; kept (use --release-reservation to delete it)");
                }
            }

            if (found == 0)
            {
                Console.Error.WriteLine($"podnetd leave: node {node} holds no subnet under {keys.Subnets}");
                return 1;
            }

            return kept == found ? 1 : 0;
        });
    });

    private static int WithEtcd(CommandLine line, string verb, Func<IEtcdClient, SubnetKeys, Task<int>> body)
    {
        var keys = new SubnetKeys(line.Get("etcd-prefix", SubnetKeys.DefaultPrefix)!);
        try
        {
            using EtcdClientHolder holder = new(EtcdClusterSource.Connect(line));
            return body(holder.Client, keys).GetAwaiter().GetResult();
        }
        catch (EtcdException e)
        {
            Console.Error.WriteLine($"podnetd {verb}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is FormatException or AgentException)
        {
            Console.Error.WriteLine($"podnetd {verb}: {e.Message}");
            return 1;
        }
    }

    private sealed class EtcdClientHolder(IEtcdClient client) : IDisposable
    {
        public IEtcdClient Client => client;

        public void Dispose() => client.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
