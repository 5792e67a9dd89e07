namespace Podnet.Netlink.Tests.Codecs.Sets;

[NetlinkAttributeSet]
internal sealed partial class SampleInner
{
    [NetlinkAttribute(1)]
    public uint? Value { get; set; }

    [NetlinkAttribute(2)]
    public string? Label { get; set; }
}
