namespace Podnet.Netlink.Tests.Codecs.Sets;

[NetlinkAttributeSet]
internal sealed partial class SampleAlphaData : ISampleKindData
{
    [NetlinkAttribute(1)]
    public ushort? Mode { get; set; }
}
