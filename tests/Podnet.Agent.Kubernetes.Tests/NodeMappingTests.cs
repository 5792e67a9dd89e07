using System.Net;
using System.Text.Json;
using Podnet.Agent.Kubernetes;
using Podnet.Agent.Kubernetes.Tests.ApiServer;
using Podnet.Agent.Kubernetes.Wire;
using Podnet.Node.Routing;

namespace Podnet.Agent.Kubernetes.Tests;

/// <summary>Captured Node objects as podnetd reads them: pod subnets from spec.podCIDRs (else podCIDR), next hops from InternalIP only.</summary>
public sealed class NodeMappingTests
{
    [Fact]
    public void Dual_stack_kind_nodes_have_both_subnets_and_both_internal_ips()
    {
        NodeObject node = Read(Fixtures.Node(Fixtures.KindDualStack, "dual-stack-worker").ToJsonString());
        ClusterNode member = KubernetesClusterSource.ToMember(node, out string? problem)!;

        Assert.Null(problem);
        Assert.Equal("dual-stack-worker", member.Name);
        Assert.Equal([IPNetwork.Parse("10.244.2.0/24"), IPNetwork.Parse("fd00:10:244:2::/64")], member.PodCidrs);
        Assert.Equal([IPAddress.Parse("172.18.0.8"), IPAddress.Parse("fc00:f853:ccd:e793::8")], member.NodeIps);
    }

    [Fact]
    public void A_v1_6_node_with_only_pod_cidr_and_legacy_address_types_is_routed_via_its_internal_ip()
    {
        NodeList list = JsonSerializer.Deserialize(Fixtures.Text(Fixtures.KopsV16Raw), KubernetesJsonContext.Default.NodeList)!;
        Assert.Equal("49691645", list.Metadata!.ResourceVersion);
        ClusterNode member = KubernetesClusterSource.ToMember(list.Items![0], out _)!;

        Assert.Equal([IPNetwork.Parse("100.96.10.0/24")], member.PodCidrs);
        Assert.Equal([IPAddress.Parse("172.20.116.86")], member.NodeIps);
    }

    [Fact]
    public void The_raw_v1_25_list_and_the_v1_6_watch_event_decode()
    {
        NodeList list = JsonSerializer.Deserialize(Fixtures.Text(Fixtures.KindV125Raw), KubernetesJsonContext.Default.NodeList)!;
        Assert.Equal("5353", list.Metadata!.ResourceVersion);
        Assert.Equal([IPNetwork.Parse("10.244.0.0/24")], KubernetesClusterSource.ToMember(Assert.Single(list.Items!), out _)!.PodCidrs);

        WatchEventLine line = JsonSerializer.Deserialize(Fixtures.Text("watch-nodes-modified-kops-aws-v1.6.jsonl"), KubernetesJsonContext.Default.WatchEventLine)!;
        Assert.Equal("MODIFIED", line.Type);
        NodeObject node = line.Object.Deserialize(KubernetesJsonContext.Default.NodeObject)!;
        Assert.Equal("49696078", node.Metadata!.ResourceVersion);
        Assert.Equal([IPAddress.Parse("172.20.79.235")], KubernetesClusterSource.ToMember(node, out _)!.NodeIps);
    }

    [Theory]
    [InlineData("watch-error-410-expired.wso2-apk-issue-571.jsonl")]
    [InlineData("watch-error-410-expired.teseraio-ensemble.jsonl")]
    public void Captured_in_stream_410_events_decode_as_expired(string file)
    {
        WatchEventLine line = JsonSerializer.Deserialize(Fixtures.Text(file), KubernetesJsonContext.Default.WatchEventLine)!;
        StatusObject status = line.Object.Deserialize(KubernetesJsonContext.Default.StatusObject)!;
        Assert.Equal("ERROR", line.Type);
        Assert.True(new KubernetesApiException(status.Code, status.Reason, status.Message!).IsExpired);
    }

    [Fact]
    public void A_node_without_pod_cidrs_is_no_member_yet()
    {
        var node = Fixtures.Node(Fixtures.KindDualStack, "dual-stack-worker");
        node["spec"]!.AsObject().Remove("podCIDR");
        node["spec"]!.AsObject().Remove("podCIDRs");
        Assert.Null(KubernetesClusterSource.ToMember(Read(node.ToJsonString()), out string? problem));
        Assert.Contains("no spec.podCIDRs yet", problem, StringComparison.Ordinal);
    }

    private static NodeObject Read(string json) => JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.NodeObject)!;
}
