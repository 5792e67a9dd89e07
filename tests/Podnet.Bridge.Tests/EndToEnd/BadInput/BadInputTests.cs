namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>
/// Every request in <see cref="BadInputCorpus"/> fails with its exact CNI error code, and leaves no trace: no link
/// appears in the node or the pod namespace, and every file of the IPAM store is byte-identical afterwards.
/// </summary>
[Kernel]
public sealed class BadInputTests(BadInputNode fixture) : IClassFixture<BadInputNode>
{
    [Fact]
    public void The_corpus_has_at_least_25_cases() => Assert.True(BadInputCorpus.Cases.Count >= 25, $"{BadInputCorpus.Cases.Count} cases");

    [Theory]
    [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
    public void Bad_input_fails_with_its_error_code_and_changes_nothing(string caseName)
    {
        BadInputCase badInput = BadInputCorpus.Cases[caseName];
        E2eNode node = fixture.Node;
        PluginInvocation invocation = badInput.Build(fixture);
        List<string> nodeLinks = NamespaceInspector.LinkNames(node.Path);
        List<string> podLinks = NamespaceInspector.LinkNames(fixture.Target.Path);
        IpamStoreSnapshot store = IpamStoreSnapshot.Take(node.DataDirectory);

        PluginOutcome outcome = node.Run(invocation);
        if (outcome.ExitCode == 0)
        {
            // Keep the shared node clean for the other cases before failing this one.
            node.Run(invocation.With("CNI_COMMAND", "DEL"));
        }

        outcome.AssertError(badInput.ExpectedCode);
        Assert.Equal(nodeLinks, NamespaceInspector.LinkNames(node.Path));
        Assert.Equal(podLinks, NamespaceInspector.LinkNames(fixture.Target.Path));
        IpamStoreSnapshot after = IpamStoreSnapshot.Take(node.DataDirectory);
        Assert.True(store.Equals(after), $"the IPAM store changed:\n{store.DifferenceTo(after)}\n{outcome}");
    }
}
