namespace Podnet.Netlink;

/// <summary>
/// Marks the fixed header member of an attribute set (for example <c>ifinfomsg</c>). The member's type must be an
/// unmanaged struct whose layout matches the kernel's; it is written before the attributes, padded to 4 bytes.
/// A nested set with a header (the veth peer: <c>ifinfomsg</c> + link attributes) is simply a set with a header.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkHeaderAttribute : Attribute
{
}
