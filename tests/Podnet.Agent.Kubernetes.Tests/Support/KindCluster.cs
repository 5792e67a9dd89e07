using System.Text.Json.Nodes;
using Podnet.Agent.Kubernetes.Tests.ApiServer;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>The captured dual-stack kind cluster (Fixtures/nodes-list-kind-dualstack-cilium-v1.27.json) and its routes.</summary>
internal static class KindCluster
{
    /// <summary>The node podnetd runs as in the single-node tests.</summary>
    public const string ControlPlane = "dual-stack-control-plane";

    /// <summary>A worker: 10.244.2.0/24 + fd00:10:244:2::/64 at 172.18.0.8 / fc00:f853:ccd:e793::8.</summary>
    public const string Worker = "dual-stack-worker";

    /// <summary>Another worker: 10.244.1.0/24 + fd00:10:244:1::/64 at 172.18.0.9 / fc00:f853:ccd:e793::9.</summary>
    public const string Worker2 = "dual-stack-worker2";

    /// <summary>The routes to <see cref="Worker"/>'s pods.</summary>
    public static KernelRoute[] WorkerRoutes { get; } =
    [
        new("10.244.2.0/24", "172.18.0.8", "eth0"),
        new("fd00:10:244:2::/64", "fc00:f853:ccd:e793::8", "eth0"),
    ];

    /// <summary>The routes to <see cref="Worker2"/>'s pods.</summary>
    public static KernelRoute[] Worker2Routes { get; } =
    [
        new("10.244.1.0/24", "172.18.0.9", "eth0"),
        new("fd00:10:244:1::/64", "fc00:f853:ccd:e793::9", "eth0"),
    ];

    /// <summary>The three captured Nodes.</summary>
    public static List<JsonObject> Nodes() => Fixtures.Nodes(Fixtures.KindDualStack);

    /// <summary>Sorted as <see cref="Ip.PodnetRoutesAsync"/> returns them.</summary>
    public static List<KernelRoute> Sorted(params IEnumerable<KernelRoute>[] routes) =>
        [.. routes.SelectMany(r => r).OrderBy(r => r.Destination, StringComparer.Ordinal)];

    /// <summary>Sets <c>spec.podCIDR</c> and <c>spec.podCIDRs</c> as the node IPAM controller does; none removes both.</summary>
    public static void SetPodCidrs(JsonObject node, params string[] cidrs)
    {
        JsonObject spec = node["spec"]!.AsObject();
        spec.Remove("podCIDR");
        spec.Remove("podCIDRs");
        if (cidrs.Length > 0)
        {
            spec["podCIDR"] = cidrs[0];
            spec["podCIDRs"] = new JsonArray([.. cidrs.Select(c => (JsonNode)c)]);
        }
    }

    /// <summary>Replaces an address in <c>status.addresses</c>.</summary>
    public static void ReplaceAddress(JsonObject node, string from, string to)
    {
        foreach (JsonNode? address in node["status"]!["addresses"]!.AsArray())
        {
            if (address!["address"]!.GetValue<string>() == from)
            {
                address["address"] = to;
                return;
            }
        }

        throw new InvalidOperationException($"{from} is not an address of the node");
    }

    /// <summary>A kubelet heartbeat: a condition's lastHeartbeatTime moves (a MODIFIED event that changes nothing podnetd uses).</summary>
    public static void Heartbeat(JsonObject node)
    {
        foreach (JsonNode? condition in node["status"]!["conditions"]!.AsArray())
        {
            condition!["lastHeartbeatTime"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
