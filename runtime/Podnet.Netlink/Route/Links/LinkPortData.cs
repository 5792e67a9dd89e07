namespace Podnet.Netlink.Route;

/// <summary>Base of the port-specific data carried in <c>IFLA_INFO_SLAVE_DATA</c>.</summary>
public abstract class LinkPortData
{
}
