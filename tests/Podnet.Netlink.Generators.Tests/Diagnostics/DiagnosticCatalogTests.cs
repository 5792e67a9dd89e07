using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Podnet.Netlink.Generators.Diagnostics;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids { get; } = new(DiagnosticDescriptors.All.Select(descriptor => descriptor.Id));

    [Fact]
    public void Every_descriptor_is_a_PN1xxx_id_of_the_netlink_category_with_its_help_link()
    {
        Assert.True(DiagnosticDescriptors.All.Length >= 10);
        Assert.Equal(
            DiagnosticDescriptors.All.Length,
            DiagnosticDescriptors.All.Select(descriptor => descriptor.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DiagnosticDescriptors.All, descriptor =>
        {
            Assert.Matches("^PN1[0-9]{3}$", descriptor.Id);
            Assert.Equal("Podnet.Netlink", descriptor.Category);
            // The link is the page's path relative to the package root and the source tree (no web site hosts it).
            Assert.Equal($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, descriptor.HelpLinkUri)), $"{descriptor.Id}: no page at {descriptor.HelpLinkUri}");
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.True(descriptor.IsEnabledByDefault);
        });
    }

    [Fact]
    public void The_analyzers_together_support_exactly_the_catalog()
    {
        ImmutableHashSet<string> supported = NetlinkTestCompilation.Analyzers
            .SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .ToImmutableHashSet(StringComparer.Ordinal);
        Assert.Equal(
            DiagnosticDescriptors.All.Select(descriptor => descriptor.Id).Order(StringComparer.Ordinal),
            supported.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_docs_page_with_wrong_and_right_code(string id)
    {
        string page = Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        string text = File.ReadAllText(page);
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.All.Single(candidate => candidate.Id == id);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        Assert.Contains("```csharp", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_is_tracked_in_the_unshipped_release_with_its_severity(string id)
    {
        string releases = File.ReadAllText(Path.Combine(
            RepositoryRoot.Path, "generators", "Podnet.Netlink.Generators", "AnalyzerReleases.Unshipped.md"));
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.All.Single(candidate => candidate.Id == id);
        string[] row = releases.Split('\n')
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Single(cells => cells[0] == id);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_is_listed_in_the_docs_index(string id)
    {
        string index = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", "README.md"));
        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
    }
}
