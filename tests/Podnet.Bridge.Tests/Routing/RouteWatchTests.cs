using System.Diagnostics;
using System.Text;
using Podnet.Testing.Nodes;
using Podnet.Testing.Processes;
using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.Routing;

/// <summary><c>podnet routes sync --watch</c> as a long-running agent in a node namespace.</summary>
[Kernel]
public sealed class RouteWatchTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Watch_restores_a_deleted_route_follows_file_edits_survives_a_broken_file_and_exits_0_on_sigterm()
    {
        using TestNode node = RoutingNode.Create();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        string Output()
        {
            lock (stdout)
            {
                return $"--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}";
            }
        }

        using Process agent = OperatorCommand.Start(
            PodnetBinary.Path, ["routes", "sync", "--cluster", cluster.Path, "--node", "a", "--watch"], node.Path);
        try
        {
            agent.OutputDataReceived += (_, e) => { lock (stdout) { stdout.AppendLine(e.Data); } };
            agent.ErrorDataReceived += (_, e) => { lock (stdout) { stderr.AppendLine(e.Data); } };
            agent.BeginOutputReadLine();
            agent.BeginErrorReadLine();

            await Polling.UntilAsync(() => Task.FromResult(agent.HasExited || Output().Contains("watching ", StringComparison.Ordinal)), s_deadline, Output);
            Assert.False(agent.HasExited, Output());
            Assert.Contains("routes: 4 added", Output(), StringComparison.Ordinal);
            Assert.Equal(TestCluster.RoutesForBAndC, await node.PodnetRoutesAsync());

            // A route deleted by hand comes back.
            await node.IpAsync("route", "del", "10.244.2.0/24");
            await Polling.UntilAsync(
                async () => (await node.PodnetRoutesAsync()).SequenceEqual(TestCluster.RoutesForBAndC), s_deadline,
                () => "10.244.2.0/24 was not restored\n" + Output());

            // An edited file is reconciled: b moves, c leaves.
            cluster.Write(TestCluster.A, TestCluster.B with { NodeIps = ["192.168.1.22", "fd00:1::22"] });
            KernelRoute[] edited = [new("10.244.2.0/24", "192.168.1.22", "eth0", "98"), new("fd10:2::/64", "fd00:1::22", "eth0", "98")];
            await Polling.UntilAsync(
                async () => (await node.PodnetRoutesAsync()).SequenceEqual(edited), s_deadline,
                () => "the edited file was not applied\n" + Output());

            // A broken file is reported and the agent keeps running with the routes it has.
            cluster.WriteText("{\"nodes\": [");
            await Polling.UntilAsync(() => Task.FromResult(agent.HasExited || Output().Contains("malformed JSON", StringComparison.Ordinal)), s_deadline, Output);
            Assert.False(agent.HasExited, Output());
            Assert.Equal(edited, await node.PodnetRoutesAsync());

            // A file replaced by rename (how editors and config management save) is picked up too: c is back.
            string replacement = cluster.Path + ".new";
            File.WriteAllBytes(replacement, ClusterFile.Render([TestCluster.A, TestCluster.B, TestCluster.C]));
            File.Move(replacement, cluster.Path, overwrite: true);
            await Polling.UntilAsync(
                async () => (await node.PodnetRoutesAsync()).SequenceEqual(TestCluster.RoutesForBAndC), s_deadline,
                () => "the renamed-in file was not applied\n" + Output());

            ProcessSignal.Terminate(agent.Id);
            using var exit = new CancellationTokenSource(s_deadline);
            await agent.WaitForExitAsync(exit.Token);
            Assert.True(agent.ExitCode == 0, $"exit {agent.ExitCode}\n{Output()}");

            // Stopping the agent leaves the routes in place (pods keep working while it restarts).
            Assert.Equal(TestCluster.RoutesForBAndC, await node.PodnetRoutesAsync());
        }
        finally
        {
            if (!agent.HasExited)
            {
                agent.Kill(entireProcessTree: true);
            }
        }
    }
}
