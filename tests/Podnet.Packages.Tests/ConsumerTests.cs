using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Podnet.Testing;
using Podnet.Testing.Repository;

namespace Podnet.Packages.Tests;

/// <summary>
/// A developer outside this repository: a fresh console project in a temporary directory with nothing but
/// PackageReferences to the packed packages (a local feed), declaring a message family Podnet does not have (FIB
/// rules, <c>linux/fib_rules.h</c>). It must build without a warning, add, dump and delete a rule in a throwaway
/// network namespace matching <c>ip -j rule show</c>; a broken declaration must show its diagnostic; the packed code
/// fix must repair it in a Roslyn workspace; every help link must name a page the package carries.
/// </summary>
[Kernel]
public sealed partial class ConsumerTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    private const string MessageFile = "FibRuleMessage.cs";
    private const string PartialDeclaration = "public sealed partial class FibRuleMessage";
    private const string BrokenDeclaration = "public sealed class FibRuleMessage";

    private static string ConsumerSource => Path.Combine(RepositoryRoot.Path, "tests", "Podnet.Packages.Tests", "Consumer");

    [Fact]
    public void Pack_writes_versioned_packages_with_symbols_readme_analyzers_and_no_warning()
    {
        Assert.DoesNotMatch(WarningPattern(), packages.PackOutput);
        (string Id, string[] Files)[] expected =
        [
            ("Podnet.Netlink", ["lib/net10.0/Podnet.Netlink.dll", "analyzers/dotnet/cs/Podnet.Netlink.Generators.dll",
                "analyzers/dotnet/cs/Podnet.Generators.CodeFixes.dll", "docs/diagnostics/PN1001.md"]),
            ("Podnet.Cni", ["lib/net10.0/Podnet.Cni.dll", "analyzers/dotnet/cs/Podnet.Cni.Generators.dll",
                "buildTransitive/Podnet.Cni.props", "buildTransitive/Podnet.Cni.targets", "docs/diagnostics/PN2001.md"]),
            ("Podnet.Netlink.Testing", ["lib/net10.0/Podnet.Netlink.Testing.dll"]),
        ];
        foreach ((string id, string[] files) in expected)
        {
            using ZipArchive package = ZipFile.OpenRead(packages.PackagePath(id));
            string[] entries = [.. package.Entries.Select(entry => entry.FullName)];
            Assert.All(files.Append("README.md"), file => Assert.Contains(file, entries));

            XNamespace ns = XDocument.Load(package.GetEntry(id + ".nuspec")!.Open()).Root!.Name.Namespace;
            XElement metadata = XDocument.Load(package.GetEntry(id + ".nuspec")!.Open()).Root!.Element(ns + "metadata")!;
            Assert.Equal(packages.Version, metadata.Element(ns + "version")!.Value);
            Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")!.Value));
            // No invented addresses: nothing is published, so no project or repository URL.
            Assert.Null(metadata.Element(ns + "projectUrl"));
            Assert.Null(metadata.Element(ns + "repository")?.Attribute("url"));

            using ZipArchive symbols = ZipFile.OpenRead(packages.PackagePath(id, "snupkg"));
            Assert.Contains($"lib/net10.0/{id}.pdb", symbols.Entries.Select(entry => entry.FullName));
        }
    }

    [Fact]
    public void A_consumer_with_only_package_references_builds_without_warnings_and_manages_fib_rules_matching_iproute2()
    {
        string consumer = CreateConsumer("consumer");

        (int buildExit, string build) = Dotnet(consumer, ["build", "-c", "Release", .. DotnetCli.NoServers]);
        Assert.True(buildExit == 0, build);
        Assert.DoesNotMatch(WarningPattern(), build);
        // Really the packages: restored from the local feed into the private package folder, no project reference.
        Assert.True(Directory.Exists(Path.Combine(packages.PackageFolder, "podnet.netlink", packages.Version)), build);
        Assert.DoesNotContain("ProjectReference", File.ReadAllText(Path.Combine(consumer, "FibRules.csproj")), StringComparison.Ordinal);

        (int runExit, string run) = Dotnet(consumer, ["bin/Release/net10.0/FibRules.dll"]);
        Assert.True(runExit == 0, run);
        Assert.Contains("ok golden: request equals `iproute2-", run, StringComparison.Ordinal);
        Assert.Matches(@"ok add\+dump: 0:all:255 1000:10\.1\.0\.0/16:100 32766:all:254 32767:all:253 equals ip -j rule show", run);
        Assert.Contains("ok delete: 0:all:255 32766:all:254 32767:all:253 equals ip -j rule show", run, StringComparison.Ordinal);
        Assert.Contains("ok delete again: ENOENT", run, StringComparison.Ordinal);
        Assert.EndsWith("OK", run.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_consumer_whose_attribute_set_is_not_partial_fails_with_PN1001()
    {
        string consumer = CreateConsumer("broken", BreakDeclaration);

        (int exitCode, string build) = Dotnet(consumer, ["build", "-c", "Release", .. DotnetCli.NoServers]);

        Assert.NotEqual(0, exitCode);
        Assert.Matches(
            @"FibRuleMessage\.cs\(\d+,\d+\): error PN1001: The attribute set 'FibRuleMessage' must be declared partial",
            build);
    }

    [Fact]
    public async Task The_packed_code_fix_makes_the_broken_declaration_partial_and_the_packed_generator_then_compiles_it()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        var netlink = new PackageAnalyzers(packages.Extracted("Podnet.Netlink"));
        using var workspace = new AdhocWorkspace();
        ProjectId projectId = ProjectId.CreateNewId();
        DocumentId messageId = DocumentId.CreateNewId(projectId);
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "FibRules", "FibRules", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: [.. Net100.References.All,
                    MetadataReference.CreateFromFile(Path.Combine(packages.Extracted("Podnet.Netlink"), "lib", "net10.0", "Podnet.Netlink.dll"))]))
            .AddDocument(DocumentId.CreateNewId(projectId), "FibRuleHeader.cs", SourceText.From(File.ReadAllText(Path.Combine(ConsumerSource, "FibRuleHeader.cs"))))
            .AddDocument(messageId, MessageFile, SourceText.From(BreakDeclaration(MessageFile, File.ReadAllText(Path.Combine(ConsumerSource, MessageFile)))));

        Diagnostic notPartial = Assert.Single(await AnalyzerDiagnosticsAsync(solution.GetProject(projectId)!, netlink, cancellationToken));
        Assert.Equal("PN1001", notPartial.Id);
        CodeFixProvider provider = Assert.Single(netlink.CodeFixes, fix => fix.FixableDiagnosticIds.Contains("PN1001"));
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(
            solution.GetDocument(messageId)!, notPartial, (action, _) => actions.Add(action), cancellationToken));
        CodeAction makePartial = Assert.Single(actions);
        Solution changed = Assert.Single((await makePartial.GetOperationsAsync(cancellationToken)).OfType<ApplyChangesOperation>()).ChangedSolution;
        Assert.True(workspace.TryApplyChanges(changed));

        Project fixedProject = workspace.CurrentSolution.GetProject(projectId)!;
        Assert.Contains(PartialDeclaration, (await fixedProject.GetDocument(messageId)!.GetTextAsync(cancellationToken)).ToString(), StringComparison.Ordinal);
        Assert.Empty(await AnalyzerDiagnosticsAsync(fixedProject, netlink, cancellationToken));

        Compilation compilation = (await fixedProject.GetCompilationAsync(cancellationToken))!;
        CSharpGeneratorDriver.Create(netlink.Generators, parseOptions: (CSharpParseOptions)fixedProject.ParseOptions!)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> generatorDiagnostics, cancellationToken);
        Assert.Empty(generatorDiagnostics);
        Assert.Contains(generated.SyntaxTrees, tree => tree.FilePath.EndsWith("FibRuleMessage.Netlink.g.cs", StringComparison.Ordinal));
        Assert.Empty(generated.GetDiagnostics(cancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("Podnet.Netlink", "PN1")]
    [InlineData("Podnet.Cni", "PN2")]
    public void Every_packed_descriptor_has_a_help_link_to_a_page_in_its_package_and_the_source_tree(string id, string prefix)
    {
        string packageRoot = packages.Extracted(id);
        DiagnosticDescriptor[] descriptors = [.. new PackageAnalyzers(packageRoot).Descriptors.DistinctBy(descriptor => descriptor.Id)];

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, descriptor =>
        {
            Assert.StartsWith(prefix, descriptor.Id, StringComparison.Ordinal);
            // A relative link: the path of the page under the package root (no web site hosts the docs).
            Assert.False(Uri.IsWellFormedUriString(descriptor.HelpLinkUri, UriKind.Absolute), descriptor.HelpLinkUri);
            Assert.Equal($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            string page = Path.Combine(packageRoot, descriptor.HelpLinkUri);
            Assert.True(File.Exists(page), $"{descriptor.Id}: {page} is not in the package");
            Assert.StartsWith($"# {descriptor.Id}:", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, descriptor.HelpLinkUri)), $"{descriptor.Id}: not in the source tree");
        });
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(Project project, PackageAnalyzers analyzers, CancellationToken cancellationToken)
    {
        Compilation compilation = (await project.GetCompilationAsync(cancellationToken))!;
        return await compilation.WithAnalyzers(analyzers.Analyzers).GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    private static string BreakDeclaration(string file, string text)
    {
        if (file != MessageFile)
        {
            return text;
        }

        Assert.Contains(PartialDeclaration, text, StringComparison.Ordinal);
        return text.Replace(PartialDeclaration, BrokenDeclaration, StringComparison.Ordinal);
    }

    /// <summary>Copies the consumer to a new directory under the fixture's temporary root, with a nuget.config naming only the local feed.</summary>
    private string CreateConsumer(string name, Func<string, string, string>? edit = null)
    {
        string directory = Directory.CreateDirectory(Path.Combine(packages.Root, name)).FullName;
        foreach (string source in Directory.GetFiles(ConsumerSource))
        {
            string file = Path.GetFileName(source);
            string text = File.ReadAllText(source).Replace("$PODNET_VERSION$", packages.Version, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(directory, file), edit is null ? text : edit(file, text));
        }

        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="podnet-local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        return directory;
    }

    private (int ExitCode, string Output) Dotnet(string directory, IReadOnlyList<string> arguments) =>
        DotnetCli.Run(directory, arguments, new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = packages.PackageFolder,
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(packages.Root, "http-cache"),
        });

    [GeneratedRegex(@": warning [A-Z]+[0-9]+")]
    private static partial Regex WarningPattern();
}
