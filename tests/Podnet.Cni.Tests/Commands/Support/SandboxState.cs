namespace Podnet.Cni.Tests.Commands;

/// <summary>What a failed command must leave exactly as it was: the IPAM store and the links of both namespaces.</summary>
internal sealed record SandboxState(DirectorySnapshot Store, string[] NodeLinks, string[] PodLinks)
{
    public void AssertUnchangedSince(SandboxState before)
    {
        Assert.Equal(before.Store.Entries, Store.Entries);
        Assert.Equal(before.NodeLinks, NodeLinks);
        Assert.Equal(before.PodLinks, PodLinks);
    }
}
