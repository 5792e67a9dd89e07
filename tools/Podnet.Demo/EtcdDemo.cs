using System.Net;
using Podnet.Testing.Agents;
using Podnet.Testing.Cluster;

namespace Podnet.Demo;

/// <summary>
/// <c>./build.sh demo etcd</c>: the seed scenario with membership from etcd. Three etcd members on the node network,
/// the network 10.244.0.0/16 with reservations of 10.244.1-3.0/24 for node01..03, <c>podnetd</c> on every node; then
/// node04 joins with no reservation, gets a subnet from the agent and reaches every pod; then it leaves and every
/// other node drops its route. A reachability matrix at each step.
/// </summary>
internal static class EtcdDemo
{
    public static async Task<int> RunAsync(SimulatedCluster cluster, string plugin, string podnetd, int podsPerNode, CancellationToken cancel)
    {
        var demo = new DemoCluster(cluster, plugin, Console.Out, cancel);
        Console.WriteLine("== nodes on one L2 segment (192.168.1.0/20)");
        for (int n = 1; n <= 3; n++)
        {
            SimulatedNode node = cluster.AddNode(n);
            Console.WriteLine($"  {node.Name}: namespace {node.Namespace}, eth0 {node.NodeIp}/{node.SegmentPrefix}");
        }

        Console.WriteLine("== etcd: three members on the node network (Debian etcd)");
        await using PodnetdNetwork network = await PodnetdNetwork.StartAsync(cluster, podnetd, 3, cancellationToken: cancel);
        foreach ((SimulatedHost host, Uri endpoint) in network.EtcdHosts.Zip(network.Etcd.Endpoints))
        {
            Console.WriteLine($"  {host.Name}: namespace {host.Namespace}, client URL {endpoint}");
        }

        Console.WriteLine("== network configuration and reservations (podnetd network init / reserve)");
        Print(network.InitNetwork("10.244.0.0/16", 24));
        IReadOnlyList<SimulatedNode> seed = cluster.Nodes;
        foreach (SimulatedNode node in seed)
        {
            Print(network.Reserve($"10.244.{node.Index}.0/24", node));
        }

        Console.WriteLine("== podnetd run --backend etcd on node01..03");
        var members = new Dictionary<SimulatedNode, IPNetwork>();
        foreach (SimulatedNode node in seed)
        {
            network.StartAgent(node);
        }

        foreach (SimulatedNode node in seed)
        {
            members[node] = await network.WaitReadyAsync(node, cancellationToken: cancel);
            Console.WriteLine($"  {node.Name}: subnet {members[node]} (subnet.env written, /readyz 200)");
        }

        await PodnetdNetwork.WaitForRoutesAsync(members, cancellationToken: cancel);
        PrintRoutes(members.Keys);
        Console.WriteLine($"== pods, {podsPerNode} per node (CNI ADD with the conflist podnetd wrote)");
        demo.AddPods(podsPerNode, seed);
        demo.DescribeBridges(seed);
        Console.WriteLine("== reachability: one UDP datagram from every pod to every pod");
        int failures = Program.PrintMatrix(cluster.Pods, cancel);

        Console.WriteLine("== node04 joins with no reservation: podnetd takes a free subnet");
        SimulatedNode joiner = cluster.AddNode(4);
        Console.WriteLine($"  {joiner.Name}: namespace {joiner.Namespace}, eth0 {joiner.NodeIp}/{joiner.SegmentPrefix}");
        NodeProcess joinerAgent = network.StartAgent(joiner);
        members[joiner] = await network.WaitReadyAsync(joiner, cancellationToken: cancel);
        Console.WriteLine($"  {joiner.Name}: subnet {members[joiner]} (from etcd, not reserved)");
        await PodnetdNetwork.WaitForRoutesAsync(members, cancellationToken: cancel);
        PrintRoutes(members.Keys);
        demo.AddPods(podsPerNode, [joiner]);
        Console.WriteLine("== reachability with node04");
        failures += Program.PrintMatrix(cluster.Pods, cancel);

        Console.WriteLine("== node04 leaves: its pods are deleted, its agent stopped, podnetd leave --node node04");
        foreach (SimulatedPod pod in cluster.Pods.Where(p => p.Node == joiner))
        {
            NodeCommand.Outcome deleted = cluster.DeletePod(pod);
            failures += deleted.ExitCode == 0 ? 0 : 1;
        }

        joinerAgent.Stop(TimeSpan.FromSeconds(10));
        NodeCommand.Outcome left = network.Leave(joiner);
        Print(left);
        failures += left.ExitCode == 0 ? 0 : 1;
        members.Remove(joiner);
        await PodnetdNetwork.WaitForRoutesAsync(members, cancellationToken: cancel);
        PrintRoutes(members.Keys);
        Console.WriteLine("== reachability after node04 left");
        failures += Program.PrintMatrix(cluster.Pods, cancel);

        Console.WriteLine("== cleanup: CNI DEL of every pod, agents stopped, etcd stopped");
        failures += demo.DeletePods();
        foreach (NodeProcess agent in network.Agents.Values)
        {
            agent.Stop(TimeSpan.FromSeconds(10));
        }

        Console.WriteLine(failures == 0
            ? "OK: every pod reached every pod at each step with its own pod source address (no NAT); node04 joined with a subnet from etcd and its routes went when it left"
            : $"FAILED: {failures} problem(s)");
        return failures;
    }

    private static void Print(NodeCommand.Outcome outcome)
    {
        foreach (string line in outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.WriteLine($"  {line}");
        }
    }

    private static void PrintRoutes(IEnumerable<SimulatedNode> nodes)
    {
        foreach (SimulatedNode node in nodes)
        {
            Console.WriteLine($"  {node.Name} routes (proto 98): {string.Join("; ", PodnetdNetwork.PodRoutes(node))}");
        }
    }
}
