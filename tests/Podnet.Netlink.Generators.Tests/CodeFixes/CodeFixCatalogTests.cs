using Microsoft.CodeAnalysis.CodeFixes;
using Podnet.Generators.CodeFixes;
using Podnet.Netlink.Generators.Diagnostics;
using Podnet.Netlink.Generators.Tests.Diagnostics;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class CodeFixCatalogTests
{
    private static readonly CodeFixProvider[] Providers =
    [
        new MakePartialCodeFixProvider(),
        new MarkRepeatedCodeFixProvider(),
        new UseFreeAttributeTypeCodeFixProvider(),
        new RemoveByteOrderCodeFixProvider(),
        new AddAttributeSetCodeFixProvider(),
        new DeclareEnumWidthCodeFixProvider(),
        new DeclareAsClassCodeFixProvider(),
        new MakeInternalCodeFixProvider(),
        new RemoveDuplicateAttributeSetCodeFixProvider(),
    ];

    [Fact]
    public void Every_exported_provider_is_covered_and_fixes_only_catalog_ids()
    {
        Type[] exported = typeof(MakePartialCodeFixProvider).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(exported, Providers.Select(provider => provider.GetType()).OrderBy(type => type.Name, StringComparer.Ordinal));
        var ids = DiagnosticDescriptors.All.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(Providers.SelectMany(provider => provider.FixableDiagnosticIds), id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Docs_pages_mention_a_code_fix_exactly_when_one_exists()
    {
        var fixable = Providers.SelectMany(provider => provider.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        Assert.All(DiagnosticDescriptors.All, descriptor =>
        {
            string page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", descriptor.Id + ".md"));
            Assert.Equal(fixable.Contains(descriptor.Id), page.Contains("## Code fix", StringComparison.Ordinal));
        });
    }
}
