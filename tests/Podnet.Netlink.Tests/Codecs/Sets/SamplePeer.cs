namespace Podnet.Netlink.Tests.Codecs.Sets;

/// <summary>A nested set with a fixed header, like the veth peer.</summary>
[NetlinkAttributeSet]
internal sealed partial class SamplePeer
{
    [NetlinkHeader]
    public SampleHeader Header { get; set; }

    [NetlinkAttribute(3)]
    public string? Name { get; set; }
}
