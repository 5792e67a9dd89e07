using Microsoft.CodeAnalysis;
using Podnet.Testing;

namespace Podnet.Netlink.Generators.Tests.Generation;

public sealed class SnapshotTests
{
    [Fact]
    public void Rich_example()
    {
        (_, GeneratorRunResult result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(ExampleSources.Rich));

        IReadOnlyDictionary<string, string> sources = GeneratorHarness.Sources(result);
        SnapshotVerifier.Verify(sources["Example.Everything.Netlink.g.cs"], "Example.Everything.Netlink.g.cs");
        SnapshotVerifier.Verify(sources["Example.Peer.Netlink.g.cs"], "Example.Peer.Netlink.g.cs");
        SnapshotVerifier.Verify(sources["Example.BetaData.Netlink.g.cs"], "Example.BetaData.Netlink.g.cs");
    }

    [Fact]
    public void Generic_netlink_indexed_arrays()
    {
        (_, GeneratorRunResult result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(ExampleSources.GenericNetlink));

        IReadOnlyDictionary<string, string> sources = GeneratorHarness.Sources(result);
        SnapshotVerifier.Verify(sources["Example.Generic.Family.Netlink.g.cs"], "Example.Generic.Family.Netlink.g.cs");
    }

    [Fact]
    public void Nested_in_global_namespace()
    {
        (_, GeneratorRunResult result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(ExampleSources.NestedInGlobalNamespace));

        IReadOnlyDictionary<string, string> sources = GeneratorHarness.Sources(result);
        SnapshotVerifier.Verify(sources["Outer+Middle+Settings.Netlink.g.cs"], "Outer+Middle+Settings.Netlink.g.cs");
    }
}
