namespace Podnet.Netlink;

/// <summary>
/// Marks a <c>partial</c> class as a netlink attribute set. The source generator emits the size
/// computation, an allocation-free writer and a parser for it (see <see cref="INetlinkSerializable{TSelf}"/>).
/// A set may start with a fixed header: a member marked <see cref="NetlinkHeaderAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkAttributeSetAttribute : Attribute
{
}
