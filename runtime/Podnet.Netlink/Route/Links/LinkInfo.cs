namespace Podnet.Netlink.Route;

/// <summary><c>IFLA_LINKINFO</c>: the link kind and its kind-specific data, and the same for its role as a port.</summary>
[NetlinkAttributeSet]
public sealed partial class LinkInfo
{
    /// <summary><c>IFLA_INFO_KIND</c>: "bridge", "veth", "dummy", …</summary>
    [NetlinkAttribute(1)]
    public string? Kind { get; set; }

    /// <summary><c>IFLA_INFO_DATA</c>, shaped by <see cref="Kind"/>.</summary>
    [NetlinkAttribute(2)]
    [NetlinkSubMessage(nameof(Kind))]
    [NetlinkSubMessageCase("bridge", typeof(BridgeLinkData))]
    [NetlinkSubMessageCase("veth", typeof(VethLinkData))]
    public LinkKindData? Data { get; set; }

    /// <summary><c>IFLA_INFO_SLAVE_KIND</c>: the kind of the master this link is a port of ("bridge").</summary>
    [NetlinkAttribute(4)]
    public string? PortKind { get; set; }

    /// <summary><c>IFLA_INFO_SLAVE_DATA</c>, shaped by <see cref="PortKind"/>.</summary>
    [NetlinkAttribute(5)]
    [NetlinkSubMessage(nameof(PortKind))]
    [NetlinkSubMessageCase("bridge", typeof(BridgePortData))]
    public LinkPortData? PortData { get; set; }
}
