using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>DEL removes everything ADD made, and is idempotent whatever is left of the pod.</summary>
[Kernel]
public sealed class DeleteTests
{
    [Fact]
    public void Del_of_every_pod_leaves_only_the_bridge_and_no_ip_files()
    {
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config().With("isGateway", true);
        IReadOnlyList<TestPod> pods = node.CreatePods(3);
        foreach (TestPod pod in pods)
        {
            node.Add(pod, config).EnsureSuccess();
        }

        Assert.Equal(3, NamespaceInspector.Veths(node.Path).Count);
        foreach (TestPod pod in pods)
        {
            node.Del(pod, config).EnsureSuccess();
        }

        StoreAssert.OnlyBridgeRemains(node);
        StoreAssert.HoldsNoAddress(node);
        foreach (TestPod pod in pods)
        {
            Assert.Equal(["lo"], NamespaceInspector.LinkNames(pod.Path));
        }
    }

    [Fact]
    public void Del_twice_succeeds_both_times_and_releases_the_ip()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
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
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
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
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config();
        IPAddress ip = PodConnectivityTests.ResultAddress(node.Add(pod, config).Result);

        node.Run(node.Invocation("DEL", pod, config).With("CNI_NETNS", string.Empty)).EnsureSuccess();

        Assert.DoesNotContain(ip.ToString(), IpamStoreSnapshot.FileNames(node.StoreDirectory));
        StoreAssert.HoldsNoAddress(node);
    }

    [Fact]
    public void Del_of_an_attachment_that_never_existed_succeeds()
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();

        node.Del(pod, node.Config()).EnsureSuccess();

        Assert.Equal(["lo"], NamespaceInspector.LinkNames(node.Path));
    }
}
