using Podnet.Bridge.Tests.EndToEnd.BadInput;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>A second ADD for an interface name the pod already has fails with code 102 and changes nothing.</summary>
[Kernel]
public sealed class DuplicateAddTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Second_add_with_the_same_interface_name_fails_with_102_and_changes_nothing(bool sameContainerId)
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        var config = node.Config();
        var first = node.Add(pod, config).Result;
        List<string> nodeLinks = NamespaceInspector.LinkNames(node.Path);
        List<string> podLinks = NamespaceInspector.LinkNames(pod.Path);
        IpamStoreSnapshot store = IpamStoreSnapshot.Take(node.DataDirectory);

        PluginInvocation again = node.Invocation("ADD", pod, config);
        if (!sameContainerId)
        {
            again = again.With("CNI_CONTAINERID", "other" + pod.ContainerId);
        }

        node.Run(again).AssertError(CniErrorCode.InterfaceExists);

        Assert.Equal(nodeLinks, NamespaceInspector.LinkNames(node.Path));
        Assert.Single(NamespaceInspector.Veths(node.Path));
        Assert.Equal(podLinks, NamespaceInspector.LinkNames(pod.Path));
        IpamStoreSnapshot after = IpamStoreSnapshot.Take(node.DataDirectory);
        Assert.True(store.Equals(after), $"the IPAM store changed:\n{store.DifferenceTo(after)}");
        node.Check(pod, config, first).EnsureSuccess();
    }
}
