using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>Pods attached by the published binary talk to each other through the node's bridge.</summary>
[Kernel]
public sealed class PodConnectivityTests
{
    [Fact]
    public void Pods_on_one_node_exchange_a_udp_datagram_and_the_receiver_sees_the_sender_pod_ip()
    {
        using TestNode node = TestNode.Create();
        TestPod first = node.CreatePod();
        TestPod second = node.CreatePod();
        JsonObject config = node.Config().With("isGateway", true);

        IPAddress firstIp = ResultAddress(node.Add(first, config).Result);
        IPAddress secondIp = ResultAddress(node.Add(second, config).Result);

        Assert.NotEqual(firstIp, secondIp);
        Assert.Equal(firstIp, NamespaceInspector.AddressOf(first.Path, first.InterfaceName));
        Assert.Equal(firstIp, UdpProbe.Exchange(first.Path, second.Path, secondIp));
        Assert.Equal(secondIp, UdpProbe.Exchange(second.Path, first.Path, firstIp));
    }

    /// <summary>The first address of an ADD result, without its prefix.</summary>
    internal static IPAddress ResultAddress(JsonObject result, int index = 0)
    {
        string cidr = result["ips"]![index]!["address"]!.GetValue<string>();
        return IPAddress.Parse(cidr[..cidr.IndexOf('/', StringComparison.Ordinal)]);
    }
}
