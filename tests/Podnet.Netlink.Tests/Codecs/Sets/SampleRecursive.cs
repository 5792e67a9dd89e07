namespace Podnet.Netlink.Tests.Codecs.Sets;

/// <summary>A set that nests itself, to test the recursion guard.</summary>
[NetlinkAttributeSet]
internal sealed partial class SampleRecursive
{
    [NetlinkAttribute(1)]
    public SampleRecursive? Child { get; set; }

    [NetlinkAttribute(2)]
    public uint? Value { get; set; }
}
