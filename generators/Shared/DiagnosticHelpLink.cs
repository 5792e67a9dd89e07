namespace Podnet.Generators;

/// <summary>
/// Where a diagnostic's help link points. No web site hosts Podnet's documentation, so the link is the page's path
/// relative to the root of the package that ships the analyzer (<c>Podnet.Netlink</c>, <c>Podnet.Cni</c>: both pack
/// <c>docs/diagnostics/*.md</c>) and, identically, of the source tree. A test checks that every descriptor's link
/// names a page that exists in the package and in the tree.
/// </summary>
internal static class DiagnosticHelpLink
{
    /// <summary>The folder of the pages, relative to the package root; append <c>&lt;ID&gt;.md</c>.</summary>
    public const string Base = "docs/diagnostics/";
}
