using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Podnet.Netlink.Generators.Tests.Generation;

public sealed class CacheabilityTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.AttributeSets,
        TrackingNames.ValidAttributeSets,
        TrackingNames.GeneratedSources,
    ];

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(ExampleSources.Rich);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);

        CSharpCompilation edited = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(ExampleSources.Unrelated, GeneratorHarness.ParseOptions, path: "Unrelated.cs", cancellationToken: TestContext.Current.CancellationToken));
        GeneratorRunResult second = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void Editing_an_unrelated_method_body_in_the_same_file_leaves_every_step_cached()
    {
        string source = ExampleSources.Rich + "\npublic static class Tools { public static int Twice(int x) => x * 2; }\n";
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(source);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);

        SyntaxTree oldTree = compilation.SyntaxTrees.Single();
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText(TestContext.Current.CancellationToken).Replace(
            source.IndexOf("x * 2", StringComparison.Ordinal), "x * 2".Length, "x + x"));
        GeneratorRunResult second = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void Changing_an_attribute_type_regenerates_the_set()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(ExampleSources.Rich);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);

        SyntaxTree oldTree = compilation.SyntaxTrees.Single();
        string oldText = oldTree.GetText(TestContext.Current.CancellationToken).ToString();
        int at = oldText.IndexOf("[NetlinkAttribute(28)]", StringComparison.Ordinal);
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText(TestContext.Current.CancellationToken).Replace(at, "[NetlinkAttribute(28)]".Length, "[NetlinkAttribute(29)]"));
        GeneratorRunResult second = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        Assert.Contains(
            second.TrackedSteps[TrackingNames.GeneratedSources].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("case 29:", GeneratorHarness.Sources(second)["Example.Everything.Netlink.g.cs"], StringComparison.Ordinal);
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"Step {step} was not tracked.");
            IEnumerable<(object Value, IncrementalStepRunReason Reason)> outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} produced {output.Reason} for {output.Value}."));
        }
    }
}
