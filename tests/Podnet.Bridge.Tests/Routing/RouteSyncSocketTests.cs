using System.Text.RegularExpressions;
using Podnet.Testing.Nodes;
using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>How many sockets one <c>podnet routes sync</c> opens, seen by <c>strace</c>.</summary>
[Kernel]
public sealed partial class RouteSyncSocketTests
{
    [Fact]
    public async Task One_sync_opens_exactly_one_netlink_socket_and_no_other_socket()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);

        // A foreign route is there too, so the run does every kind of work: dump both families, look up every peer,
        // add routes, report a conflict.
        await node.IpAsync("route", "add", "10.244.3.0/24", "via", "192.168.1.77", "proto", "static");
        string trace = Path.Combine(Path.GetDirectoryName(cluster.Path)!, "strace.txt");
        ProcessOutcome outcome = await OperatorCommand.RunAsync(
            "strace",
            ["-f", "-e", "trace=socket", "-o", trace, PodnetBinary.Path, "routes", "sync", "--cluster", cluster.Path, "--node", "a"],
            node.Path,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        Assert.Contains("routes: 3 added", outcome.Stdout, StringComparison.Ordinal);
        string[] sockets = [.. File.ReadAllLines(trace).Where(l => SocketCall().IsMatch(l))];

        // The NativeAOT runtime opens no socket of its own (no diagnostics IPC, no event pipe); the one socket is the
        // rtnetlink connection that dumps, looks up and changes every route.
        string socket = Assert.Single(sockets);
        Assert.Contains("socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE)", socket, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d+\s+socket\(")]
    private static partial Regex SocketCall();
}
