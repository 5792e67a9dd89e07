using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Podnet.Agent.Kubernetes.Tests.ApiServer;
using Podnet.Agent.Kubernetes.Tests.Support;
using Podnet.Testing.Nodes;
using Podnet.Testing.Processes;

namespace Podnet.Agent.Kubernetes.Tests;

/// <summary>
/// The published podnetd with <c>--backend kubernetes</c> in a node namespace against the test API server serving the
/// captured dual-stack kind cluster: what it routes, writes and reports as Nodes come, change and go, and as the
/// watch is bookmarked, expired, broken or refused.
/// </summary>
[Kernel]
public sealed class AgentTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Lists_and_watches_dual_stack_nodes_routes_both_families_writes_the_conflist_and_is_ready()
    {
        await using AgentScenario scenario = await AgentScenario.CreateAsync();
        AgentRun agent = scenario.StartAgent();

        await scenario.RoutesBecomeAsync(KindCluster.Sorted(KindCluster.WorkerRoutes, KindCluster.Worker2Routes), "both workers, both families");

        // The own node's podCIDRs (both families) are in the conflist, subnet.env is written, STATUS and /readyz say ready.
        await Polling.UntilAsync(() => File.Exists(agent.SubnetFilePath), s_deadline, () => agent.Log);
        JsonNode conflist = JsonNode.Parse(await File.ReadAllTextAsync(agent.ConflistPath, TestContext.Current.CancellationToken))!;
        string ranges = conflist["plugins"]![0]!["ipam"]!["ranges"]!.ToJsonString();
        Assert.Contains("10.244.0.0/24", ranges, StringComparison.Ordinal);
        Assert.Contains("fd00:10:244::/64", ranges, StringComparison.Ordinal);
        Assert.Contains("FLANNEL_SUBNET=10.244.0.1/24", await File.ReadAllTextAsync(agent.SubnetFilePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(agent.PluginPath), "podnetd did not install the plugin next to it into --cni-bin-dir");
        (int statusExit, string statusOutput) = await agent.CniStatusAsync();
        Assert.True(statusExit == 0, $"STATUS: {statusOutput}");
        await Polling.UntilAsync(async () => (await agent.ReadyzAsync()).Status == 200, s_deadline, () => $"{agent.ReadyzAsync().GetAwaiter().GetResult()}\n{agent.Log}");

        // The requests are the ones the ClusterRole allows: get own Node, a paged list, a watch from the list's resourceVersion with bookmarks.
        RequestRecord[] requests = [.. scenario.Server.Requests];
        Assert.StartsWith("/api/v1/nodes/dual-stack-control-plane", requests[0].Target, StringComparison.Ordinal);
        RequestRecord list = requests.First(r => r.IsList);
        Assert.Equal("/api/v1/nodes?limit=500", list.Target);
        RequestRecord watch = requests.First(r => r.IsWatch);
        Assert.Contains("resourceVersion=1003", watch.Target, StringComparison.Ordinal);
        Assert.Contains("allowWatchBookmarks=true", watch.Target, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Equal("application/json", r.Accept));

        // Every request is one of the declared permissions (which the ClusterRole must equal), and each is used.
        string[] verbs = [.. requests.Select(r => r.IsWatch ? "watch" : r.IsList ? "list" : r.Target.StartsWith("/api/v1/nodes/", StringComparison.Ordinal) ? "get" : $"undeclared {r.Target}").Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(Podnet.Agent.Kubernetes.KubernetesApi.Permissions.Select(p => p.Verb).Order(StringComparer.Ordinal), verbs);
        Assert.False(agent.HasExited, agent.Log);
    }

    [Fact]
    public async Task Nodes_without_pod_cidrs_are_ignored_until_they_have_them_and_the_own_node_is_not_ready_until_then()
    {
        List<JsonObject> nodes = KindCluster.Nodes();
        KindCluster.SetPodCidrs(nodes.Single(n => Name(n) == KindCluster.ControlPlane));
        KindCluster.SetPodCidrs(nodes.Single(n => Name(n) == KindCluster.Worker2));
        await using AgentScenario scenario = await AgentScenario.CreateAsync(nodes);
        AgentRun agent = scenario.StartAgent();

        await agent.LogContainsAsync($"node {KindCluster.ControlPlane} has no spec.podCIDRs yet");
        await agent.LogContainsAsync($"node {KindCluster.Worker2} has no spec.podCIDRs yet");
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.False(File.Exists(agent.ConflistPath), "a conflist was written before the node had a pod subnet");
        Assert.False(File.Exists(agent.SubnetFilePath), "subnet.env was written before the node had a pod subnet");
        (int status, string body) = await agent.ReadyzAsync();
        Assert.True(status == 503 && body.Contains("holds no pod subnet", StringComparison.Ordinal), $"{status} {body}");
        Assert.Empty(await scenario.RoutesAsync());

        // The node IPAM controller assigns the own node's subnets: conflist, subnet.env, STATUS ready, routes to the worker only.
        scenario.Server.UpdateNode(KindCluster.ControlPlane, n => KindCluster.SetPodCidrs(n, "10.244.0.0/24", "fd00:10:244::/64"));
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(KindCluster.WorkerRoutes), "the worker only");
        await Polling.UntilAsync(() => File.Exists(agent.SubnetFilePath), s_deadline, () => agent.Log);
        (int statusExit, string statusOutput) = await agent.CniStatusAsync();
        Assert.True(statusExit == 0, $"STATUS: {statusOutput}");

        // Then worker2's.
        scenario.Server.UpdateNode(KindCluster.Worker2, n => KindCluster.SetPodCidrs(n, "10.244.1.0/24", "fd00:10:244:1::/64"));
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(KindCluster.WorkerRoutes, KindCluster.Worker2Routes), "worker2 got its subnets");
        Assert.Equal(1, scenario.Lists);
    }

    [Fact]
    public async Task Changed_pod_cidrs_or_internal_ips_replace_routes_a_deleted_node_loses_them_and_heartbeats_change_nothing()
    {
        await using AgentScenario scenario = await AgentScenario.CreateAsync();
        AgentRun agent = scenario.StartAgent();
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(KindCluster.WorkerRoutes, KindCluster.Worker2Routes), "start");

        // Heartbeats (MODIFIED events that change no subnet or address) do not touch the routes.
        int changes = CountOf(agent.Log, "route ");
        for (int i = 0; i < 3; i++)
        {
            scenario.Server.UpdateNode(KindCluster.Worker, KindCluster.Heartbeat);
        }

        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(changes, CountOf(agent.Log, "route "));

        // worker's IPv4 InternalIP moves: its IPv4 route is replaced, the IPv6 one stays.
        scenario.Server.UpdateNode(KindCluster.Worker, n => KindCluster.ReplaceAddress(n, "172.18.0.8", "172.18.0.18"));
        KernelRoute[] moved = [new("10.244.2.0/24", "172.18.0.18", "eth0"), KindCluster.WorkerRoutes[1]];
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(moved, KindCluster.Worker2Routes), "worker's new InternalIP");

        // worker2's pod subnets change: the old routes go, the new ones come.
        scenario.Server.UpdateNode(KindCluster.Worker2, n => KindCluster.SetPodCidrs(n, "10.244.7.0/24", "fd00:10:244:7::/64"));
        KernelRoute[] renumbered = [new("10.244.7.0/24", "172.18.0.9", "eth0"), new("fd00:10:244:7::/64", "fc00:f853:ccd:e793::9", "eth0")];
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(moved, renumbered), "worker2's new podCIDRs");

        // worker is deleted: its routes go.
        scenario.Server.DeleteNode(KindCluster.Worker);
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(renumbered), "worker deleted");
        Assert.Equal(1, scenario.Lists);
    }

    [Fact]
    public async Task A_bookmark_lets_a_broken_watch_resume_from_its_resource_version_without_a_relist()
    {
        await using AgentScenario scenario = await AgentScenario.CreateAsync();
        AgentRun agent = scenario.StartAgent();
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(KindCluster.WorkerRoutes, KindCluster.Worker2Routes), "start");
        await Polling.UntilAsync(() => scenario.Server.OpenWatches == 1, s_deadline, () => agent.Log);

        // Other resources move the resourceVersion on; the bookmark tells the agent, then the history before it is compacted.
        long bookmark = scenario.Server.AdvanceResourceVersion(50);
        Assert.Equal(1, scenario.Server.SendBookmarks());
        await Task.Delay(500, TestContext.Current.CancellationToken);
        scenario.Server.Compact();
        scenario.Server.BreakWatches();

        // The agent resumes from the bookmark's resourceVersion (an older one would be 410 and force a list).
        await Polling.UntilAsync(() => scenario.Server.Requests.Count(r => r.IsWatch && r.Status == 200) >= 2, s_deadline, () => agent.Log);
        RequestRecord resumed = scenario.Server.Requests.Where(r => r.IsWatch).Last();
        Assert.Contains($"resourceVersion={bookmark}&", resumed.Target, StringComparison.Ordinal);
        scenario.Server.DeleteNode(KindCluster.Worker2);
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(KindCluster.WorkerRoutes), "worker2 deleted after the resume");
        Assert.Equal(1, scenario.Lists);
    }

    [Fact]
    public async Task A_410_in_the_stream_on_reconnect_or_as_http_status_relists_once_without_a_route_flap()
    {
        await using AgentScenario scenario = await AgentScenario.CreateAsync();
        AgentRun agent = scenario.StartAgent();
        List<KernelRoute> all = KindCluster.Sorted(KindCluster.WorkerRoutes, KindCluster.Worker2Routes);
        await scenario.RoutesBecomeAsync(all, "start");
        await Polling.UntilAsync(() => scenario.Server.OpenWatches == 1, s_deadline, () => agent.Log);

        // Watch the kernel's route notifications for the whole sequence: nothing may be deleted.
        var monitor = new StringBuilder();
        using Process ipMonitor = StartMonitor(scenario.Node.Name, monitor);
        try
        {
            await Task.Delay(300, TestContext.Current.CancellationToken);

            // 1. An ERROR 410 Expired event in an open stream.
            scenario.Server.AdvanceResourceVersion(10);
            scenario.Server.Compact();
            scenario.Server.ExpireWatches();
            await Polling.UntilAsync(() => scenario.Lists == 2 && scenario.Server.OpenWatches == 1, s_deadline, () => agent.Log);

            // 2. A reconnect from a compacted resourceVersion: 200 with one ERROR 410 event, as the watch cache answers.
            scenario.Server.AdvanceResourceVersion(10);
            scenario.Server.Compact();
            scenario.Server.BreakWatches();
            await Polling.UntilAsync(() => scenario.Lists == 3 && scenario.Server.OpenWatches == 1, s_deadline, () => agent.Log);

            // 3. The same answered with HTTP 410; meanwhile worker's InternalIP changed, which only the re-list shows.
            scenario.Server.TooOldWatchAsHttpStatus = true;
            scenario.Server.UpdateNode(KindCluster.Worker, n => KindCluster.ReplaceAddress(n, "fc00:f853:ccd:e793::8", "fc00:f853:ccd:e793::80"));
            scenario.Server.AdvanceResourceVersion(10);
            scenario.Server.Compact();
            scenario.Server.BreakWatches();
            await Polling.UntilAsync(() => scenario.Lists == 4 && scenario.Server.OpenWatches == 1, s_deadline, () => agent.Log);
            KernelRoute[] moved = [KindCluster.WorkerRoutes[0], new("fd00:10:244:2::/64", "fc00:f853:ccd:e793::80", "eth0")];
            await scenario.RoutesBecomeAsync(KindCluster.Sorted(moved, KindCluster.Worker2Routes), "worker's IPv6 address after the re-list");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        finally
        {
            ipMonitor.Kill();
            await ipMonitor.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        string notifications = Kubectl.Read(monitor);
        Assert.DoesNotContain("Deleted", notifications, StringComparison.Ordinal);
        Assert.Contains("fd00:10:244:2::/64 via fc00:f853:ccd:e793::80", notifications, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(agent.Log, "listing again"));
        Assert.Contains("too old resource version", agent.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_stream_reconnects_with_growing_backoff_keeps_the_routes_and_catches_up_from_its_resource_version()
    {
        await using AgentScenario scenario = await AgentScenario.CreateAsync();
        AgentRun agent = scenario.StartAgent();
        List<KernelRoute> all = KindCluster.Sorted(KindCluster.WorkerRoutes, KindCluster.Worker2Routes);
        await scenario.RoutesBecomeAsync(all, "start");
        await Polling.UntilAsync(() => scenario.Server.OpenWatches == 1, s_deadline, () => agent.Log);

        // The stream breaks and the next five attempts are reset; worker2 is deleted meanwhile.
        scenario.Server.RejectWatches(5);
        scenario.Server.BreakWatches();
        scenario.Server.DeleteNode(KindCluster.Worker2);
        await Polling.UntilAsync(() => scenario.Server.Requests.Count(r => r.IsWatch && r.Status == -1) >= 3, s_deadline, () => agent.Log);
        Assert.Equal(all, await scenario.RoutesAsync());
        (int status, string body) = await agent.ReadyzAsync();
        Assert.True(status == 503 && body.Contains("unreachable", StringComparison.Ordinal), $"{status} {body}");

        await scenario.RoutesBecomeAsync(KindCluster.Sorted(KindCluster.WorkerRoutes), "worker2's deletion after the reconnect");
        RequestRecord[] watches = [.. scenario.Server.Requests.Where(r => r.IsWatch)];
        RequestRecord[] rejected = [.. watches.Where(r => r.Status == -1)];
        Assert.Equal(5, rejected.Length);
        TimeSpan[] gaps = [.. rejected.Zip(watches.SkipWhile(r => r != rejected[0]).Skip(1), (a, b) => b.At - a.At)];
        // The pause after the k-th failure is at least 0.2 s * 2^k (a busy machine only makes it longer).
        Assert.Equal(5, gaps.Length);
        for (int k = 0; k < gaps.Length; k++)
        {
            Assert.True(gaps[k] >= TimeSpan.FromMilliseconds(180 << k), $"the backoff does not grow: {string.Join(", ", gaps.Select(g => g.TotalMilliseconds))} ms");
        }

        // It resumed from the resourceVersion it had: no list, and the deletion came from the watch history.
        Assert.Equal(1, scenario.Lists);
        Assert.All(watches.Skip(1), w => Assert.Contains($"resourceVersion={ResourceVersionOf(watches[1].Target)}&", w.Target, StringComparison.Ordinal));
        await Polling.UntilAsync(async () => (await agent.ReadyzAsync()).Status == 200, s_deadline, () => agent.Log);
    }

    [Fact]
    public async Task A_wrong_token_is_reported_clearly_retried_and_the_routes_are_kept_until_it_is_right_again()
    {
        await using AgentScenario scenario = await AgentScenario.CreateAsync();
        AgentRun agent = scenario.StartAgent();
        List<KernelRoute> all = KindCluster.Sorted(KindCluster.WorkerRoutes, KindCluster.Worker2Routes);
        await scenario.RoutesBecomeAsync(all, "start");
        await Polling.UntilAsync(() => scenario.Server.OpenWatches == 1, s_deadline, () => agent.Log);

        // The server stops accepting the agent's token (a revoked service account, a rotated signing key).
        scenario.Server.Token = "a-different-token";
        scenario.Server.BreakWatches();
        await Polling.UntilAsync(() => scenario.Server.Requests.Count(r => r.Status == 401) >= 3, s_deadline, () => agent.Log);
        Assert.Contains("401 Unauthorized", agent.Log, StringComparison.Ordinal);
        Assert.Contains("refused the credentials", agent.Log, StringComparison.Ordinal);
        Assert.Equal(all, await scenario.RoutesAsync());
        (int status, string body) = await agent.ReadyzAsync();
        Assert.True(status == 503 && body.Contains("unreachable", StringComparison.Ordinal), $"{status} {body}");
        Assert.False(agent.HasExited, agent.Log);

        // Accepted again: the agent catches up with what changed meanwhile.
        scenario.Server.UpdateNode(KindCluster.Worker, n => KindCluster.SetPodCidrs(n, "10.244.9.0/24", "fd00:10:244:9::/64"));
        scenario.Server.Token = AgentScenario.Token;
        KernelRoute[] renumbered = [new("10.244.9.0/24", "172.18.0.8", "eth0"), new("fd00:10:244:9::/64", "fc00:f853:ccd:e793::8", "eth0")];
        await scenario.RoutesBecomeAsync(KindCluster.Sorted(renumbered, KindCluster.Worker2Routes), "worker's new subnets after the token is accepted");
        await agent.LogContainsAsync("kubernetes reachable again");
    }

    [Theory]
    [InlineData(true, "kubeconfig ")]
    [InlineData(false, "not running in a pod: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set")]
    public async Task Without_a_readable_kubeconfig_or_service_account_podnetd_exits_1_with_the_reason(bool withKubeconfig, string reason)
    {
        // In a namespace of its own, so that a podnetd that wrongly started would touch nothing of the machine's.
        using TestNode node = TestNode.Create();
        node.AddEth0(AgentScenario.KindNodeAddresses);
        var directory = new DirectoryInfo(node.Directory);
        string[] kubeconfig = withKubeconfig ? ["--kubeconfig", Path.Combine(directory.FullName, "missing")] : [];
        var info = RuntimeProcess.StartInfo(AgentBinaries.Podnetd, []);
        foreach (string argument in new[] { "run", "--backend", "kubernetes", "--node", "n1", "--cni-conf-dir", directory.FullName, "--health-addr", "" }.Concat(kubeconfig))
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = RuntimeProcess.Start(node.Path, info);
        process.StandardInput.Close();
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(s_deadline);
        await process.WaitForExitAsync(timeout.Token);
        string text = await stderr;
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{text}");
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
    }

    private static string ResourceVersionOf(string target)
    {
        int start = target.IndexOf("resourceVersion=", StringComparison.Ordinal) + "resourceVersion=".Length;
        return target[start..target.IndexOf('&', start)];
    }

    private static string Name(JsonObject node) => node["metadata"]!["name"]!.GetValue<string>();

    private static int CountOf(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static Process StartMonitor(string ns, StringBuilder output)
    {
        var info = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-n", ns, "monitor", "route" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        return process;
    }
}
