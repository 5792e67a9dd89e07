using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Podnet.Cni.Generators.Tests.Support;

namespace Podnet.Cni.Generators.Tests;

public sealed class CacheabilityTests
{
    private static readonly string[] s_trackedSteps =
    [
        TrackingNames.Namespace, TrackingNames.SchemaDocument, TrackingNames.SchemaIndexEntry, TrackingNames.SchemaIndex, TrackingNames.UnavailableFormats,
        TrackingNames.ResolvedSchema,
    ];

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun(IEnumerable<AdditionalText> files)
    {
        Compilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer; public static class Marker { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation, TestContext.Current.CancellationToken);
        return (driver, compilation);
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in s_trackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "step " + step + " was not tracked");
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    yield return (step, reason);
                }
            }
        }
    }

    private static void AssertAllCached(GeneratorDriver driver)
    {
        foreach ((string step, IncrementalStepRunReason reason) in Outputs(driver))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {reason}");
        }
    }

    [Fact]
    public void Unrelated_syntax_tree_edit_leaves_every_step_cached()
    {
        (GeneratorDriver driver, Compilation compilation) = FirstRun(SchemaFiles.Real());

        Compilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; public static class Other { }", GeneratorHarness.ParseOptions, cancellationToken: TestContext.Current.CancellationToken));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);

        AssertAllCached(driver);
    }

    [Fact]
    public void Unrelated_additional_file_leaves_every_step_cached()
    {
        (GeneratorDriver driver, Compilation compilation) = FirstRun(SchemaFiles.Real());

        driver = driver.AddAdditionalTexts([new InMemoryAdditionalText("/x/notes.txt", "not a schema"), new InMemoryAdditionalText("/x/app.json", "{}")]);
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);

        AssertAllCached(driver);
    }

    [Fact]
    public void Editing_one_schema_regenerates_only_that_schema()
    {
        IReadOnlyList<InMemoryAdditionalText> files = SchemaFiles.Real();
        (GeneratorDriver driver, Compilation compilation) = FirstRun(files);
        InMemoryAdditionalText error = files.Single(f => f.Path.EndsWith("error.schema.json", StringComparison.Ordinal));
        string editedText = error.GetText(TestContext.Current.CancellationToken).ToString()
            .Replace("A longer message describing the error.", "A longer message (edited).", StringComparison.Ordinal);
        Assert.NotEqual(error.GetText(TestContext.Current.CancellationToken).ToString(), editedText);

        driver = driver.ReplaceAdditionalText(error, new InMemoryAdditionalText(error.Path, editedText));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        IncrementalStepRunReason[] documents = result.TrackedSteps[TrackingNames.SchemaDocument].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, documents.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(files.Count - 1, documents.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(result.TrackedSteps[TrackingNames.SchemaIndex].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        IncrementalStepRunReason[] resolved = result.TrackedSteps[TrackingNames.ResolvedSchema].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, resolved.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(files.Count - 1, resolved.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("A longer message (edited).", GeneratorHarness.Source(driver.GetRunResult(), "ErrorResult.g.cs"), StringComparison.Ordinal);
    }
}
