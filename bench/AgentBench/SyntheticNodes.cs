using System.Net;
using Podnet.Agent.Etcd;

namespace Podnet.AgentBench;

/// <summary>
/// The synthetic cluster: the observing node "self" (10.0.0.1 on eth0, a /16) holds a reservation for 10.128.0.0/24;
/// node <c>i</c> (1 ≤ i &lt; 32,768) has node IP 10.0.(i/250).(i%250+2), on-link on eth0, and pod subnet
/// 10.(128+i/256).(i%256).0/24 of the network 10.128.0.0/9.
/// </summary>
internal static class SyntheticNodes
{
    public const string Prefix = SubnetKeys.DefaultPrefix;
    public const string Network = "10.128.0.0/9";
    public const string SelfName = "self";
    public const int MaxIndex = 32_767;

    public static readonly IPAddress SelfIp = IPAddress.Parse("10.0.0.1");
    public static readonly IPNetwork SelfSubnet = IPNetwork.Parse("10.128.0.0/24");
    public static readonly SubnetKeys Keys = new(Prefix);

    public static string Name(int i) => $"node-{i:D5}";

    public static IPAddress Ip(int i) => new([10, 0, (byte)(i / 250), (byte)((i % 250) + 2)]);

    public static IPNetwork Subnet(int i) => new(new IPAddress([10, (byte)(128 + (i / 256)), (byte)(i % 256), 0]), 24);

    public static string Key(int i) => Keys.For(Subnet(i));

    public static byte[] Value(int i) => SubnetLease.Value(Ip(i), Name(i));
}
