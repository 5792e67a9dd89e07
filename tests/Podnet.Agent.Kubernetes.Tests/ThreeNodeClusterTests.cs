using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Podnet.Agent.Kubernetes.Tests.ApiServer;
using Podnet.Agent.Kubernetes.Tests.Support;
using Podnet.Testing.Cluster;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests;

/// <summary>
/// The captured three-node dual-stack kind cluster rebuilt from namespaces: each node runs the published
/// <c>podnetd run --backend kubernetes --kubeconfig F</c> against the test API server, which listens on its own host
/// on the node network (172.18.0.1, where kind's docker network has its gateway); pods added with the plugin podnetd
/// installed reach every other pod, on every node, in both families, and see each other's pod addresses (no NAT).
/// </summary>
[Kernel]
public sealed class ThreeNodeClusterTests
{
    private const string Token = "three-node-token";

    [Fact]
    public async Task Pods_on_three_nodes_reach_each_other_without_nat_with_podnetd_on_each_node_watching_the_api_server()
    {
        using var cluster = new SimulatedCluster();
        string apiHost = cluster.AddHost("api", KindAddresses("172.18.0.1", "fc00:f853:ccd:e793::1")).NamespacePath;
        using var certificates = TestCertificates.Create(IPAddress.Parse("172.18.0.1"));
        await using TestApiServer server = await TestApiServer.StartAsync(certificates, Token, IPAddress.Parse("172.18.0.1"), apiHost);
        foreach (JsonObject node in KindCluster.Nodes())
        {
            server.AddNode(node);
        }

        string kubeconfig = TestKubeconfig.Write(cluster.WorkDirectory, server.Url, certificates.AuthorityPem, Token);
        (string Name, string V4, string V6)[] nodes =
        [
            (KindCluster.ControlPlane, "172.18.0.7", "fc00:f853:ccd:e793::7"),
            (KindCluster.Worker, "172.18.0.8", "fc00:f853:ccd:e793::8"),
            (KindCluster.Worker2, "172.18.0.9", "fc00:f853:ccd:e793::9"),
        ];
        var agents = new List<AgentRun>();
        try
        {
            var simulated = new List<SimulatedNode>();
            foreach ((string name, string v4, string v6) in nodes)
            {
                SimulatedNode node = cluster.AddNode(simulated.Count + 1, name[(name.LastIndexOf('-') + 1)..], KindAddresses(v4, v6));
                simulated.Add(node);
                agents.Add(AgentRun.Start(node.NamespacePath, node.Directory, kubeconfig, name, "--cluster-cidr", "10.244.0.0/16,fd00:10:244::/56"));
            }

            // Every node: four routes to the other two, and ready (its subnet.env written).
            foreach (AgentRun agent in agents)
            {
                await Polling.UntilAsync(
                    async () => File.Exists(agent.SubnetFilePath) && (await Ip.PodnetRoutesAsync(Path.GetFileName(agent.NetnsPath))).Count == 4,
                    TimeSpan.FromSeconds(30), () => agent.Log);
                Assert.Equal(0, (await agent.CniStatusAsync()).ExitCode);
            }

            var pods = new List<SimulatedPod>();
            for (int n = 0; n < agents.Count; n++)
            {
                for (int p = 1; p <= 2; p++)
                {
                    pods.Add(cluster.AddPod(simulated[n], $"n{n}p{p}"));
                }
            }

            var failures = new StringBuilder();
            int probes = 0;
            foreach (SimulatedPod from in pods)
            {
                foreach (SimulatedPod to in pods.Where(p => p != from))
                {
                    foreach (AddressFamily family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
                    {
                        IPAddress source = from.Addresses.Single(a => a.AddressFamily == family);
                        IPAddress target = to.Addresses.Single(a => a.AddressFamily == family);
                        IPAddress? seen = UdpProbe.Send(from.NamespacePath, to.NamespacePath, target);
                        probes++;
                        if (!source.Equals(seen))
                        {
                            failures.AppendLine($"{from.Name} {source} -> {to.Name} {target}: receiver saw {seen?.ToString() ?? "nothing"}");
                        }
                    }
                }
            }

            Assert.Equal(6 * 5 * 2, probes);
            Assert.True(failures.Length == 0, $"{failures}\n{string.Join("\n----\n", agents.Select(a => a.Log))}");

            // A node leaves the cluster: the others drop its routes, the rest keeps working.
            server.DeleteNode(KindCluster.Worker2);
            foreach (AgentRun agent in agents.Take(2))
            {
                await Polling.UntilAsync(async () => (await Ip.PodnetRoutesAsync(Path.GetFileName(agent.NetnsPath))).Count == 2, TimeSpan.FromSeconds(20), () => agent.Log);
            }

            Assert.Equal(pods[0].Addresses[0], UdpProbe.Send(pods[0].NamespacePath, pods[2].NamespacePath, pods[2].Addresses[0]));
        }
        finally
        {
            foreach (AgentRun agent in agents)
            {
                agent.Dispose();
            }
        }
    }

    /// <summary><c>eth0</c> on kind's node network: the IPv4 address in 172.18.0.0/16, the IPv6 one in fc00:f853:ccd:e793::/64.</summary>
    private static (IPAddress Address, int PrefixLength)[] KindAddresses(string ipv4, string ipv6) =>
        [(IPAddress.Parse(ipv4), 16), (IPAddress.Parse(ipv6), 64)];
}
