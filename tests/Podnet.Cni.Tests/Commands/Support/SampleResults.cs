using System.Net;
using Podnet.Cni.Schema;

namespace Podnet.Cni.Tests.Commands.Support;

/// <summary>ADD results with every field the writer knows, for the per-version shape tests.</summary>
internal static class SampleResults
{
    public static SuccessResult Full() => new()
    {
        Interfaces =
        [
            new() { Name = "cni0", Mac = "0a:58:0a:f4:01:01" },
            new() { Name = "veth12ab34cd", Mac = "5e:1f:22:33:44:55" },
            new() { Name = "eth0", Mac = "0a:58:0a:f4:01:05", Sandbox = "/run/netns/pod-1", Mtu = 1450 },
        ],
        Ips =
        [
            new() { Address = IpCidr.Parse("10.244.1.5/24"), Gateway = IPAddress.Parse("10.244.1.1"), Interface = 2 },
            new() { Address = IpCidr.Parse("fd00:244:1::5/64"), Gateway = IPAddress.Parse("fd00:244:1::1"), Interface = 2 },
        ],
        Routes =
        [
            new() { Dst = IpCidr.Parse("0.0.0.0/0"), Gw = IPAddress.Parse("10.244.1.1"), Mtu = 1400, Advmss = 1360, Priority = 100, Table = 254, Scope = 0 },
            new() { Dst = IpCidr.Parse("10.96.0.0/12") },
        ],
        Dns = new() { Nameservers = ["10.96.0.10"], Domain = "cluster.local", Search = ["svc.cluster.local"], Options = ["ndots:5"] },
    };
}
