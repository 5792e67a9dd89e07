using System.Net;
using System.Text.Json.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>DEL removes everything ADD made, and is idempotent whatever is left of the pod.</summary>
[Kernel]
public sealed class DeleteTests
{
    [Fact]
    public void Del_of_every_pod_leaves_only_the_bridge_and_no_ip_files()
    {
        using E2eNode node = E2eNode.Create();
        JsonObject config = node.Config().With("isGateway", true);
        IReadOnlyList<E2ePod> pods = node.CreatePods(3);
        foreach (E2ePod pod in pods)
        {
            node.Add(pod, config).EnsureSuccess();
        }

        Assert.Equal(3, NamespaceInspector.Veths(node.Path).Count);
        foreach (E2ePod pod in pods)
        {
            node.Del(pod, config).EnsureSuccess();
        }

        StoreAssert.OnlyBridgeRemains(node);
        StoreAssert.HoldsNoAddress(node);
        foreach (E2ePod pod in pods)
        {
            Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
        }
    }

    [Fact]
    public void Del_twice_succeeds_both_times_and_releases_the_ip()
    {
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();
        JsonObject config = node.Config();
        IPAddress ip = PodConnectivityTests.ResultAddress(node.Add(pod, config).Result);
        Assert.Contains(ip.ToString(), IpamStoreSnapshot.FileNames(node.StoreDirectory));

        node.Del(pod, config).EnsureSuccess();
        node.Del(pod, config).EnsureSuccess();

        Assert.DoesNotContain(ip.ToString(), IpamStoreSnapshot.FileNames(node.StoreDirectory));
        StoreAssert.OnlyBridgeRemains(node);
    }

    [Fact]
    public void Del_after_the_pod_namespace_was_deleted_succeeds_and_releases_the_ip()
    {
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();
        JsonObject config = node.Config();
        IPAddress ip = PodConnectivityTests.ResultAddress(node.Add(pod, config).Result);
        pod.Dispose();

        node.Del(pod, config).EnsureSuccess();

        Assert.DoesNotContain(ip.ToString(), IpamStoreSnapshot.FileNames(node.StoreDirectory));
        StoreAssert.HoldsNoAddress(node);
    }

    [Fact]
    public void Del_with_an_empty_CNI_NETNS_succeeds_and_releases_the_ip()
    {
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();
        JsonObject config = node.Config();
        IPAddress ip = PodConnectivityTests.ResultAddress(node.Add(pod, config).Result);

        node.Run(E2eNode.Invocation("DEL", pod, config).With("CNI_NETNS", string.Empty)).EnsureSuccess();

        Assert.DoesNotContain(ip.ToString(), IpamStoreSnapshot.FileNames(node.StoreDirectory));
        StoreAssert.HoldsNoAddress(node);
    }

    [Fact]
    public void Del_of_an_attachment_that_never_existed_succeeds()
    {
        using E2eNode node = E2eNode.Create();
        E2ePod pod = node.CreatePod();

        node.Del(pod, node.Config()).EnsureSuccess();

        Assert.Equal(["lo"], NamespaceInspector.LinkNames(node.Path));
    }
}
