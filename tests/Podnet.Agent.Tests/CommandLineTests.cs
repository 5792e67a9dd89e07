using Podnet.Testing.Cluster;
using Podnet.Testing.Repository;

namespace Podnet.Agent.Tests;

/// <summary>
/// Every verb of <c>podnetd</c> (and the operator verbs of <c>podnet</c>): <c>--help</c> prints that verb's usage and
/// exits 0; a bad command line prints a usage message and exits 2 before doing anything. The binaries run inside a
/// throwaway node namespace, so a command line wrongly accepted could not touch the machine.
/// </summary>
public sealed class CommandLineTests : IClassFixture<CommandLineTests.Node>
{
    private const string Etcd = "http://127.0.0.1:1";
    private readonly Node _node;

    public CommandLineTests(Node node) => _node = node;

    public static TheoryData<string, string[]> HelpCases => new()
    {
        { "podnetd run", ["run", "--help"] },
        { "podnetd network init", ["network", "init", "--help"] },
        { "podnetd network reserve", ["network", "reserve", "--help"] },
        { "podnetd leave", ["leave", "--help"] },
        { "podnetd run", ["--help"] },
        { "podnetd run", ["run", "--backend", "etcd", "--help"] },
        { "podnetd network init", ["network", "--help"] },
        { "podnetd network reserve", ["network"] },
        { "podnetd version", ["version", "--help"] },
    };

    public static TheoryData<string[]> BadCases => new()
    {
        Array.Empty<string>(),
        new[] { "bogus" },
        new[] { "network", "bogus" },
        new[] { "run" },
        new[] { "run", "--backend", "etcd" },
        new[] { "run", "--backend", "nope", "--node", "n1" },
        new[] { "run", "--backend", "etcd", "--node", "n1" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", "ftp://127.0.0.1:1" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", "," },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--public-ip", "1.2.3" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--public-ip", "fd00::1" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--public-ip", "192.168.1.11", "--iface", "eth0" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--lease-ttl", "1s" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--lease-ttl", "soon" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--resync", "x" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--mtu", "10" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--mtu", "lots" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--health-addr", "localhost" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--ip-masq", "maybe" },
        new[] { "run", "--backend", "etcd", "--node", "a/b", "--etcd-endpoints", Etcd },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "--bogus", "1" },
        new[] { "run", "--backend", "etcd", "--node", "n1", "--etcd-endpoints", Etcd, "stray" },
        new[] { "run", "--backend", "file", "--node", "n1" },
        new[] { "run", "--backend", "kubernetes", "--node", "n1", "--cluster-cidr", "10.244.0.0" },
        new[] { "network", "init", "--etcd-endpoints", Etcd },
        new[] { "network", "init", "--etcd-endpoints", Etcd, "--network", "10.244.0.0" },
        new[] { "network", "init", "--etcd-endpoints", Etcd, "--network", "10.244.0.0/16", "--subnet-len", "x" },
        new[] { "network", "init", "--etcd-endpoints", Etcd, "--network", "10.244.0.0/16", "--subnet-len", "8" },
        new[] { "network", "init", "--network", "10.244.0.0/16" },
        new[] { "network", "reserve", "--etcd-endpoints", Etcd, "--public-ip", "192.168.1.11" },
        new[] { "network", "reserve", "--etcd-endpoints", Etcd, "--subnet", "10.244.1.5/24", "--public-ip", "192.168.1.11" },
        new[] { "network", "reserve", "--etcd-endpoints", Etcd, "--subnet", "10.244.1.0/24", "--public-ip", "node01" },
        new[] { "network", "reserve", "--etcd-endpoints", Etcd, "--subnet", "10.244.1.0/24" },
        new[] { "leave", "--etcd-endpoints", Etcd },
        new[] { "leave", "--etcd-endpoints", Etcd, "--node", "n1", "--bogus" },
        new[] { "leave", "--node", "n1" },
    };

    [Theory]
    [MemberData(nameof(HelpCases))]
    public void Help_on_every_podnetd_verb_prints_that_verbs_usage_and_exits_0(string usage, string[] arguments)
    {
        NodeCommand.Outcome outcome = Run(PodnetdBinary.Path, arguments);
        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains(usage, outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("usage", outcome.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadCases))]
    public void A_bad_podnetd_command_line_prints_usage_and_exits_2(string[] arguments)
    {
        NodeCommand.Outcome outcome = Run(PodnetdBinary.Path, arguments);
        Assert.True(outcome.ExitCode == 2, $"exit {outcome.ExitCode}:\n{outcome.Output}");
        Assert.Contains("usage:", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("podnetd", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stdout);
    }

    private NodeCommand.Outcome Run(string binary, string[] arguments) =>
        NodeCommand.Run(_node.Host.NamespacePath, binary, null, null, [.. arguments], TimeSpan.FromSeconds(15));

    /// <summary>One node namespace for the whole class.</summary>
    public sealed class Node : IDisposable
    {
        private readonly SimulatedCluster _cluster = new();

        public Node() => Host = _cluster.AddNode(1);

        internal SimulatedNode Host { get; }

        public void Dispose() => _cluster.Dispose();
    }
}
