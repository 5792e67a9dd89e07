namespace Podnet.Netlink.Tests.Codecs.Sets;

[NetlinkAttributeSet]
internal sealed partial class SampleBetaData : ISampleKindData
{
    [NetlinkAttribute(1)]
    public SamplePeer? Peer { get; set; }

    [NetlinkAttribute(2)]
    public bool Learning { get; set; }
}
