using System.Diagnostics;
using Podnet.Etcd;
using Podnet.Netlink.Testing;
using Podnet.Testing.Etcd;

namespace Podnet.AgentBench;

/// <summary>
/// One run at one lease count: a throwaway namespace with a single-member etcd on 127.0.0.1 and the node's eth0,
/// the network configuration and N synthetic leases (one shared long lease) in etcd, the one-shot tools over the same
/// routes, then one real <c>podnetd run --backend etcd</c> as the observing node: initial sync, timed joins and
/// leaves, a churn run with an exact check, and its CPU and memory over an idle period.
/// </summary>
internal sealed class AgentScenario(BenchOptions options, int nodes, CancellationToken cancellationToken)
{
    private static readonly TimeSpan s_routeTimeout = TimeSpan.FromSeconds(120);
    private readonly AgentResult _result = new() { Nodes = nodes };
    private long _leaseId;

    public async Task<AgentResult> RunAsync()
    {
        var etcdOptions = new EtcdClusterOptions
        {
            // etcd's own default (10 min): the fixture's 1 s progress notifications would wake an idle agent every second.
            WatchProgressNotifyInterval = TimeSpan.FromMinutes(10),
            StartTimeout = TimeSpan.FromSeconds(120),
        };
        await using EtcdCluster etcd = await EtcdCluster.StartOnLoopbackAsync(1, etcdOptions, cancellationToken);
        string netnsPath = etcd.NetnsPath!;
        string ns = Path.GetFileName(netnsPath);
        string work = TestNames.CreateDirectory("agent-bench");
        try
        {
            Console.WriteLine($"==> {nodes} leases: namespace {ns}, etcd {etcd.Endpoints[0]}, work directory {work}");
            NodeNetwork.AddEth0(ns);
            await using EtcdClient client = etcd.CreateClient(TimeSpan.FromSeconds(30), netnsPath);
            await FillAsync(client, ns);

            using var watch = new RouteWatch(netnsPath, cancellationToken);
            CompareTools(ns, work, watch);

            string endpoint = etcd.Endpoints[0].ToString().TrimEnd('/');
            string[] arguments =
            [
                "run", "--backend", "etcd", "--etcd-endpoints", endpoint, "--node", SyntheticNodes.SelfName,
                "--public-ip", SyntheticNodes.SelfIp.ToString(), "--health-addr", AgentProcess.HealthAddress,
                "--cni-conf-dir", Path.Combine(work, "net.d"), "--cni-bin-dir", Path.Combine(work, "bin"),
                "--subnet-file", Path.Combine(work, "subnet.env"),
            ];
            long start = Stopwatch.GetTimestamp();
            using AgentProcess agent = AgentProcess.Start(netnsPath, options.Podnetd, arguments, Path.Combine(work, "podnetd.log"));
            await InitialSyncAsync(client, agent, watch, ns, start);
            await JoinsAsync(client, watch, ns);
            await ChurnAsync(client, ns);
            await IdleAsync(agent);
            _result.Overflows = watch.Overflows;
            _result.LogLines = agent.LogLines;
            _result.Problems = agent.Problems.Count;
            Console.WriteLine($"    podnetd logged {agent.LogLines} lines, {agent.Problems.Count} of them warn/error");
            foreach (string line in agent.Problems.Take(5))
            {
                Console.WriteLine($"      {line}");
            }

            if (agent.HasExited)
            {
                throw new InvalidOperationException($"podnetd exited during the run; see {work}/podnetd.log");
            }

            return _result;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Ms(double value) => $"{value:0.0} ms";

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    /// <summary>The network configuration and self's reservation through podnetd's own verbs; N leases put directly.</summary>
    private async Task FillAsync(EtcdClient client, string ns)
    {
        string endpoint = "http://127.0.0.1:2379";
        Shell.InNamespace(ns, options.Podnetd, "network", "init", "--etcd-endpoints", endpoint, "--network", SyntheticNodes.Network, "--etcd-prefix", SyntheticNodes.Prefix);
        Shell.InNamespace(ns, options.Podnetd, "network", "reserve", "--etcd-endpoints", endpoint, "--subnet", SyntheticNodes.SelfSubnet.ToString(),
            "--public-ip", SyntheticNodes.SelfIp.ToString(), "--node", SyntheticNodes.SelfName, "--etcd-prefix", SyntheticNodes.Prefix);
        EtcdLease lease = await client.GrantLeaseAsync(TimeSpan.FromHours(2), cancellationToken);
        _leaseId = lease.Id;
        long start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(1, nodes), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) => await client.PutAsync(SyntheticNodes.Key(i), SyntheticNodes.Value(i), lease.Id, token));
        _result.EtcdFillSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Console.WriteLine($"    {nodes} leases put in {_result.EtcdFillSeconds:0.0} s");
    }

    /// <summary><c>podnet routes sync --cluster</c> and <c>ip -batch</c> over the same N routes, before the agent runs.</summary>
    private void CompareTools(string ns, string work, RouteWatch watch)
    {
        string cluster = Path.Combine(work, "cluster.json");
        string batch = Path.Combine(work, "routes.batch");
        NodeNetwork.WriteClusterFile(cluster, Enumerable.Range(1, nodes));
        NodeNetwork.WriteBatchFile(batch, Enumerable.Range(1, nodes));
        string[] sync = ["routes", "sync", "--cluster", cluster, "--node", SyntheticNodes.SelfName];
        var empty = new List<double>();
        var noop = new List<double>();
        var batchEmpty = new List<double>();
        var batchNoop = new List<double>();
        for (int r = 0; r < options.Runs; r++)
        {
            NodeNetwork.Flush(ns);
            watch.WaitForCount(0, s_routeTimeout);
            empty.Add(Shell.InNamespace(ns, options.Podnet, sync).Elapsed.TotalMilliseconds);
            watch.WaitForCount(nodes, s_routeTimeout);
            (string output, TimeSpan elapsed) = Shell.InNamespace(ns, options.Podnet, sync);
            if (!output.Contains($"routes: no changes ({nodes} in place)", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the second podnet routes sync was not a no-op: {output}");
            }

            noop.Add(elapsed.TotalMilliseconds);
            NodeNetwork.Flush(ns);
            watch.WaitForCount(0, s_routeTimeout);
            batchEmpty.Add(Shell.InNamespace(ns, "ip", "-batch", batch).Elapsed.TotalMilliseconds);
            watch.WaitForCount(nodes, s_routeTimeout);
            batchNoop.Add(Shell.InNamespace(ns, "ip", "-batch", batch).Elapsed.TotalMilliseconds);
        }

        NodeNetwork.Flush(ns);
        watch.WaitForCount(0, s_routeTimeout);
        _result.PodnetSyncEmpty = Stats.Median(empty);
        _result.PodnetSyncNoop = Stats.Median(noop);
        _result.IpBatchEmpty = Stats.Median(batchEmpty);
        _result.IpBatchNoop = Stats.Median(batchNoop);
        Console.WriteLine($"    podnet routes sync: {Ms(_result.PodnetSyncEmpty)} from empty, {Ms(_result.PodnetSyncNoop)} no-op; " +
            $"ip -batch: {Ms(_result.IpBatchEmpty)} from empty, {Ms(_result.IpBatchNoop)} in place (medians of {options.Runs})");
    }

    private async Task InitialSyncAsync(EtcdClient client, AgentProcess agent, RouteWatch watch, string ns, long start)
    {
        long allRoutes = watch.WaitForCount(nodes, s_routeTimeout);
        _result.AgentInitialSync = Milliseconds(start, allRoutes);
        (TimeSpan user, TimeSpan system) = ProcessUsage.UserSystem(agent.Id);
        _result.AgentStartCpu = (user + system).TotalMilliseconds;
        _result.AgentStartUserCpu = user.TotalMilliseconds;
        while (!await agent.IsReadyAsync(cancellationToken))
        {
            if (agent.HasExited)
            {
                throw new InvalidOperationException("podnetd exited before it was ready");
            }

            await Task.Delay(10, cancellationToken);
        }

        _result.AgentReady = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        _result.AgentFirstPass = await agent.MetricAsync("podnetd_last_sync_duration_seconds", cancellationToken) * 1000;
        _result.InitialCheck = (await MembershipCheck.RunAsync(client, ns, cancellationToken)).ToString();
        Console.WriteLine($"    podnetd: {nodes} routes {Ms(_result.AgentInitialSync)} after start, /readyz 200 by {Ms(_result.AgentReady)}, " +
            $"{Ms(_result.AgentStartCpu)} CPU so far ({Ms(_result.AgentStartUserCpu)} of it user, tick-sampled), full pass {Ms(_result.AgentFirstPass)} (its metric); {_result.InitialCheck}");
    }

    /// <summary>Joins timed from the put returning to the route notification; then the same nodes leave.</summary>
    private async Task JoinsAsync(EtcdClient client, RouteWatch watch, string ns)
    {
        for (int j = 1; j <= options.Joins; j++)
        {
            int i = nodes + j;
            long issued = Stopwatch.GetTimestamp();
            await client.PutAsync(SyntheticNodes.Key(i), SyntheticNodes.Value(i), _leaseId, cancellationToken);
            long returned = Stopwatch.GetTimestamp();
            long routed = watch.WaitForRoute(SyntheticNodes.Subnet(i), s_routeTimeout);
            _result.JoinLatencies.Add(Milliseconds(returned, routed));
            _result.JoinLatenciesFromIssue.Add(Milliseconds(issued, routed));
            await Task.Delay(10, cancellationToken);
        }

        _result.JoinCheck = (await MembershipCheck.RunAsync(client, ns, cancellationToken)).ToString();
        for (int j = 1; j <= options.Joins; j++)
        {
            int i = nodes + j;
            await client.DeleteAsync(SyntheticNodes.Key(i), cancellationToken);
            long returned = Stopwatch.GetTimestamp();
            long removed = watch.WaitForRemoval(SyntheticNodes.Subnet(i), s_routeTimeout);
            _result.LeaveLatencies.Add(Milliseconds(returned, removed));
            await Task.Delay(10, cancellationToken);
        }

        watch.WaitForCount(nodes, s_routeTimeout);
        Console.WriteLine($"    {options.Joins} joins, put returned → route: p50 {Ms(Stats.Median(_result.JoinLatencies))}, p99 {Ms(Stats.Percentile(_result.JoinLatencies, 99))}, " +
            $"max {Ms(_result.JoinLatencies.Max())}; leaves p50 {Ms(Stats.Median(_result.LeaveLatencies))}, p99 {Ms(Stats.Percentile(_result.LeaveLatencies, 99))}; after the joins: {_result.JoinCheck}");
    }

    /// <summary>Random joins and leaves fired back to back, then the route table must equal the membership exactly.</summary>
    private async Task ChurnAsync(EtcdClient client, string ns)
    {
        var random = new Random(options.Seed);
        var live = Enumerable.Range(1, nodes).ToList();
        int next = nodes + options.Joins + 1;
        for (int op = 0; op < options.Churn; op++)
        {
            if (live.Count == 0 || random.Next(2) == 0)
            {
                await client.PutAsync(SyntheticNodes.Key(next), SyntheticNodes.Value(next), _leaseId, cancellationToken);
                live.Add(next++);
                _result.ChurnJoins++;
            }
            else
            {
                int at = random.Next(live.Count);
                int i = live[at];
                live[at] = live[^1];
                live.RemoveAt(live.Count - 1);
                await client.DeleteAsync(SyntheticNodes.Key(i), cancellationToken);
                _result.ChurnLeaves++;
            }
        }

        long last = Stopwatch.GetTimestamp();
        MembershipCheck check;
        while (!(check = await MembershipCheck.RunAsync(client, ns, cancellationToken)).Exact && Stopwatch.GetElapsedTime(last) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20, cancellationToken);
        }

        _result.ChurnConverged = Stopwatch.GetElapsedTime(last).TotalMilliseconds;
        if (check.Expected != live.Count)
        {
            throw new InvalidOperationException($"etcd holds {check.Expected} other members, the churn left {live.Count}");
        }

        // Still exact a moment later: no late stale route or removal.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        check = await MembershipCheck.RunAsync(client, ns, cancellationToken);
        _result.ChurnCheck = check.ToString();
        Console.WriteLine($"    churn: {_result.ChurnJoins} joins + {_result.ChurnLeaves} leaves; checked exact {Ms(_result.ChurnConverged)} after the last one; 1 s later: {_result.ChurnCheck}");
    }

    private async Task IdleAsync(AgentProcess agent)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        TimeSpan before = ProcessUsage.Cpu(agent.Id);
        long start = Stopwatch.GetTimestamp();
        await Task.Delay(options.Idle, cancellationToken);
        TimeSpan after = ProcessUsage.Cpu(agent.Id);
        _result.IdleSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        _result.IdleCpu = (after - before).TotalSeconds;
        _result.RssKib = ProcessUsage.StatusKib(agent.Id, "VmRSS");
        _result.HwmKib = ProcessUsage.StatusKib(agent.Id, "VmHWM");
        _result.Threads = ProcessUsage.Threads(agent.Id);
        _result.AgentNoopPass = await agent.MetricAsync("podnetd_last_sync_duration_seconds", cancellationToken) * 1000;
        Console.WriteLine($"    idle {_result.IdleSeconds:0.0} s: {_result.IdleCpu:0.00} s CPU (user+system), VmRSS {_result.RssKib / 1024.0:0.0} MiB, " +
            $"VmHWM {_result.HwmKib / 1024.0:0.0} MiB, {_result.Threads} threads; last (resync, no-op) full pass {Ms(_result.AgentNoopPass)}");
    }
}
