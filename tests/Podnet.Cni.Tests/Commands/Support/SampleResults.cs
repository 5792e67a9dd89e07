using System.Net;

namespace Podnet.Cni.Tests.Commands;

/// <summary>ADD results with every field the writer knows, for the per-version shape tests.</summary>
internal static class SampleResults
{
    public static CniResult Full()
    {
        var result = new CniResult();
        result.Interfaces.Add(new CniInterface("cni0", "0a:58:0a:f4:01:01"));
        result.Interfaces.Add(new CniInterface("veth12ab34cd", "5e:1f:22:33:44:55"));
        result.Interfaces.Add(new CniInterface("eth0", "0a:58:0a:f4:01:05", "/run/netns/pod-1", Mtu: 1450));
        result.Ips.Add(new CniIpConfig(IPAddress.Parse("10.244.1.5"), 24, IPAddress.Parse("10.244.1.1"), Interface: 2));
        result.Ips.Add(new CniIpConfig(IPAddress.Parse("fd00:244:1::5"), 64, IPAddress.Parse("fd00:244:1::1"), Interface: 2));
        result.Routes.Add(new CniRoute(IPAddress.Any, 0, IPAddress.Parse("10.244.1.1"))
        {
            Mtu = 1400,
            AdvMss = 1360,
            Priority = 100,
            Table = 254,
            Scope = 0,
        });
        result.Routes.Add(new CniRoute(IPAddress.Parse("10.96.0.0"), 12));
        result.Dns = new CniDns { Nameservers = ["10.96.0.10"], Domain = "cluster.local", Search = ["svc.cluster.local"], Options = ["ndots:5"] };
        return result;
    }
}
