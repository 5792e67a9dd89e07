namespace Podnet.Netlink.Route;

/// <summary>Base of the kind-specific link data carried in <c>IFLA_INFO_DATA</c>.</summary>
public abstract class LinkKindData
{
}
