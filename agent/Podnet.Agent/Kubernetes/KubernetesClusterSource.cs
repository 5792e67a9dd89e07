using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Podnet.Agent.Cluster;
using Podnet.Agent.Kubernetes.Wire;
using Podnet.Node;
using Podnet.Node.Routing;

namespace Podnet.Agent.Kubernetes;

/// <summary>
/// Membership from the Kubernetes API: every Node with pod subnets (<c>spec.podCIDRs</c>, else <c>spec.podCIDR</c>) is
/// a member, routed via its <c>InternalIP</c> address of each family. The source lists Nodes (paged), reports the
/// listing, then watches from the list's resourceVersion with bookmarks. A watch the server ends is resumed from the
/// last resourceVersion seen; a <c>410 Gone</c> (as an HTTP status or an in-stream <c>ERROR</c> event) lists again and
/// reports one new listing, which the reconciler diffs, so routes do not flap. A broken connection, a timeout, or a
/// 401/403 marks the source unreachable (routes kept) and is retried with backoff. This node's own Node drives the
/// <see cref="LocalLease"/> (and so the conflist and readiness); a Node without pod subnets is ignored until it has them.
/// </summary>
public sealed class KubernetesClusterSource : IClusterSource
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(10);
    private readonly KubernetesClient _client;
    private readonly string _nodeName;
    private readonly IReadOnlyList<IPNetwork> _clusterNetworks;
    private readonly TimeSpan _watchTimeout;

    // Every Node seen, as its membership entry (null: no usable pod subnet yet), by name.
    private readonly Dictionary<string, ClusterNode?> _nodes = new(StringComparer.Ordinal);
    private string? _ownSubnets;
    private bool _healthy = true;

    internal KubernetesClusterSource(KubernetesClient client, string nodeName, IReadOnlyList<IPNetwork> clusterNetworks, TimeSpan watchTimeout)
    {
        _client = client;
        _nodeName = nodeName;
        _clusterNetworks = clusterNetworks;
        _watchTimeout = watchTimeout;
    }

    /// <inheritdoc/>
    public string Name => "kubernetes";

    /// <summary>
    /// The source for <c>podnetd run --backend kubernetes</c>: <c>--kubeconfig FILE</c> [<c>--kube-context NAME</c>]
    /// or the in-cluster service account, <c>--cluster-cidr CIDR[,CIDR]</c>, <c>--watch-timeout</c>.
    /// </summary>
    /// <exception cref="AgentException">The kubeconfig or the service account cannot be read.</exception>
    public static KubernetesClusterSource FromCommandLine(CommandLine line, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(line);
        var networks = new List<IPNetwork>();
        foreach (string part in (line.Get("cluster-cidr") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            networks.Add(CidrNotation.TryParse(part, out IPNetwork network) ? network : throw new UsageException($"--cluster-cidr: \"{part}\" is not a CIDR (without host bits)"));
        }

        TimeSpan watchTimeout = Durations.Parse("watch-timeout", line.Get("watch-timeout", "5m")!);
        KubernetesEndpoint endpoint = line.Get("kubeconfig") is { Length: > 0 } file
            ? Kubeconfig.Load(file, line.Get("kube-context"))
            : KubernetesEndpoint.InCluster();
        Log.Info($"kubernetes: API server from {endpoint.Origin}; node {nodeName}; cluster networks {(networks.Count > 0 ? string.Join(",", networks) : "(none given: every Node's pod subnets)")}");
        return new KubernetesClusterSource(KubernetesClient.Create(endpoint, TimeSpan.FromSeconds(30)), nodeName, networks, watchTimeout);
    }

    /// <inheritdoc/>
    public async Task RunAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        TimeSpan backoff = s_firstBackoff;
        string? resourceVersion = null;
        bool ownChecked = false;
        int expiredInARow = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!ownChecked)
                {
                    await CheckOwnNodeAsync(cancellationToken).ConfigureAwait(false);
                    ownChecked = true;
                }

                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(events, cancellationToken).ConfigureAwait(false);
                    backoff = s_firstBackoff;
                }

                long started = Environment.TickCount64;
                await foreach (NodeWatchEvent e in _client.WatchNodesAsync(resourceVersion, _watchTimeout, () => ReachableAsync(events, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    backoff = s_firstBackoff;
                    expiredInARow = 0;
                    resourceVersion = e.Node.Metadata?.ResourceVersion is { Length: > 0 } rv ? rv : resourceVersion;
                    await ApplyAsync(e, events, cancellationToken).ConfigureAwait(false);
                }

                // The server ended the watch (timeoutSeconds): resume from the last resourceVersion seen, after a pause
                // when it ended at once (a server that keeps closing watches must not be hammered).
                if (Environment.TickCount64 - started < 1000)
                {
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
                }
            }
            catch (KubernetesApiException e) when (e.IsExpired)
            {
                Log.Info($"kubernetes: resourceVersion {resourceVersion} is too old ({e.Message}); listing again");
                resourceVersion = null;

                // A server that answers every fresh watch with 410 must not be listed in a tight loop.
                if (expiredInARow++ > 0)
                {
                    TimeSpan pause = TimeSpan.FromTicks(Math.Min(s_firstBackoff.Ticks << Math.Min(expiredInARow - 1, 10), s_maxBackoff.Ticks));
                    await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransient(e))
            {
                string problem = Describe(e);
                await UnreachableAsync(events, problem, backoff, cancellationToken).ConfigureAwait(false);
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The membership entry of a Node: <see langword="null"/> until it has a pod subnet.</summary>
    internal static ClusterNode? ToMember(NodeObject node, out string? problem)
    {
        problem = null;
        string name = node.Metadata?.Name ?? string.Empty;
        List<string> texts = node.Spec?.PodCidrs is { Count: > 0 } many ? many : node.Spec?.PodCidr is { Length: > 0 } one ? [one] : [];
        var subnets = new List<IPNetwork>(texts.Count);
        foreach (string text in texts)
        {
            if (CidrNotation.TryParse(text, out IPNetwork subnet))
            {
                subnets.Add(subnet);
            }
            else
            {
                problem = $"node {name}: pod CIDR \"{text}\" is not a CIDR; ignored";
            }
        }

        if (subnets.Count == 0)
        {
            problem ??= $"node {name} has no spec.podCIDRs yet; ignored until it has";
            return null;
        }

        var addresses = new List<IPAddress>();
        foreach (NodeAddress address in node.Status?.Addresses ?? [])
        {
            if (address.Type == "InternalIP" && IPAddress.TryParse(address.Address, out IPAddress? ip) &&
                ip.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !addresses.Contains(ip))
            {
                addresses.Add(ip);
            }
        }

        return new ClusterNode(name, addresses, subnets);
    }

    /// <summary>Waits, with a log line, until this node's Node exists: a kubelet that has not registered yet is not an error.</summary>
    private async Task CheckOwnNodeAsync(CancellationToken cancellationToken)
    {
        bool logged = false;
        while (await _client.GetNodeAsync(_nodeName, cancellationToken).ConfigureAwait(false) is null)
        {
            if (!logged)
            {
                Log.Warn($"kubernetes: there is no Node named {_nodeName} (is --node right, has the kubelet registered?); waiting for it");
                logged = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Lists every Node, reports the listing (and this node's subnets); returns the list's resourceVersion.</summary>
    private async Task<string> ListAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        (List<NodeObject> nodes, string resourceVersion) = await _client.ListNodesAsync(cancellationToken).ConfigureAwait(false);
        await ReachableAsync(events, cancellationToken).ConfigureAwait(false);
        var previous = new Dictionary<string, ClusterNode?>(_nodes, StringComparer.Ordinal);
        _nodes.Clear();
        foreach (NodeObject node in nodes)
        {
            if (node.Metadata?.Name is { Length: > 0 } name)
            {
                ClusterNode? member = ToMember(node, out string? problem);
                if (problem is not null && (!previous.TryGetValue(name, out ClusterNode? before) || !Same(before, member)))
                {
                    Log.Warn($"kubernetes: {problem}");
                }

                _nodes[name] = member;
            }
        }

        Log.Info($"kubernetes: listed {nodes.Count} Nodes at resourceVersion {resourceVersion}, {_nodes.Values.Count(n => n is not null)} with pod subnets");
        await events.WriteAsync(new MembershipListed([.. _nodes.Values.OfType<ClusterNode>()], _clusterNetworks), cancellationToken).ConfigureAwait(false);
        await OwnSubnetsAsync(events, cancellationToken).ConfigureAwait(false);
        return resourceVersion;
    }

    private async Task ApplyAsync(NodeWatchEvent e, ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        if (e.Type == "BOOKMARK" || e.Node.Metadata?.Name is not { Length: > 0 } name)
        {
            return;
        }

        _nodes.TryGetValue(name, out ClusterNode? before);
        ClusterNode? after = null;
        if (e.Type == "DELETED")
        {
            _nodes.Remove(name);
            Log.Info($"kubernetes: node {name} was deleted");
        }
        else
        {
            after = ToMember(e.Node, out string? problem);
            bool known = _nodes.ContainsKey(name);
            _nodes[name] = after;
            if (problem is not null && (!known || !Same(before, after)))
            {
                Log.Warn($"kubernetes: {problem}");
            }
        }

        // Kubelets update their Node often (conditions, heartbeats, images); only a change of subnets or addresses counts.
        if (!Same(before, after))
        {
            if (after is not null)
            {
                Log.Info($"kubernetes: node {name}: pod subnets {string.Join(",", after.PodCidrs)} via {string.Join(",", after.NodeIps)}");
                await events.WriteAsync(new MemberChanged(after), cancellationToken).ConfigureAwait(false);
            }
            else if (before is not null)
            {
                await events.WriteAsync(new MemberRemoved(name), cancellationToken).ConfigureAwait(false);
            }
        }

        if (name == _nodeName)
        {
            await OwnSubnetsAsync(events, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reports this node's subnets when they appear or change; reports <see cref="LeaseLost"/> when they go.</summary>
    private async Task OwnSubnetsAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        ClusterNode? own = _nodes.GetValueOrDefault(_nodeName);
        string? subnets = own is null ? null : string.Join(",", own.PodCidrs);
        if (subnets == _ownSubnets)
        {
            return;
        }

        _ownSubnets = subnets;
        if (own is not null)
        {
            Log.Info($"kubernetes: this node ({_nodeName}) has pod subnets {subnets}");
            await events.WriteAsync(new LocalLease(own.PodCidrs, null), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Log.Warn($"kubernetes: this node ({_nodeName}) has no pod subnet (its Node was deleted, or has no spec.podCIDRs)");
            await events.WriteAsync(new LeaseLost(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReachableAsync(ChannelWriter<ClusterEvent> events, CancellationToken cancellationToken)
    {
        if (!_healthy)
        {
            _healthy = true;
            await events.WriteAsync(new SourceHealth(true, null), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UnreachableAsync(ChannelWriter<ClusterEvent> events, string problem, TimeSpan retry, CancellationToken cancellationToken)
    {
        // Every failure is logged (a wrong token must be visible), the health change once.
        Log.Warn($"kubernetes: {problem}; retrying in {retry.TotalSeconds:0.#} s, routes are kept");
        if (_healthy)
        {
            _healthy = false;
            await events.WriteAsync(new SourceHealth(false, problem), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(Exception e) =>
        e is KubernetesApiException or HttpRequestException or IOException or JsonException or OperationCanceledException or TimeoutException;

    private string Describe(Exception e) => e switch
    {
        KubernetesApiException { Code: 401 } k =>
            $"the API server refused the credentials from {_client.Endpoint.Origin} (401 Unauthorized: wrong or expired token or client certificate): {k.Message}",
        KubernetesApiException { Code: 403 } k =>
            $"the API server forbids this (403 Forbidden: the ClusterRole must allow {string.Join(", ", KubernetesApi.Permissions.Select(p => p.Verb))} on {KubernetesApi.NodeResource}): {k.Message}",
        KubernetesApiException k => $"API error: {k.Message}",
        OperationCanceledException => $"the API server at {_client.Endpoint.Server} did not answer in time",
        HttpRequestException h => $"cannot reach the API server at {_client.Endpoint.Server}: {h.Message}{(h.InnerException is { } inner ? $" ({inner.Message})" : string.Empty)}",
        _ => $"the connection to {_client.Endpoint.Server} failed: {e.Message}",
    };

    private static bool Same(ClusterNode? a, ClusterNode? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Name == b.Name && a.NodeIps.SequenceEqual(b.NodeIps) && a.PodCidrs.SequenceEqual(b.PodCidrs);
}
