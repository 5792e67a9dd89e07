namespace Podnet.Netlink.Generators;

/// <summary>Names of the incremental pipeline steps, so tests can check that unrelated edits leave them cached.</summary>
internal static class TrackingNames
{
    /// <summary>Every <c>[NetlinkAttributeSet]</c> class parsed into a model (or <see langword="null"/> when skipped).</summary>
    public const string AttributeSets = "AttributeSets";

    /// <summary>The models of the sets that are valid and get generated.</summary>
    public const string ValidAttributeSets = "ValidAttributeSets";

    /// <summary>The generated source text per set.</summary>
    public const string GeneratedSources = "GeneratedSources";
}
