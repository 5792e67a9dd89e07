namespace Podnet.Netlink;

/// <summary>
/// Declares that the payload of this attribute is a nested set whose shape is chosen by the value of a sibling
/// string attribute (the selector), as <c>IFLA_INFO_DATA</c> is chosen by <c>IFLA_INFO_KIND</c>. Combine with one
/// <see cref="NetlinkSubMessageCaseAttribute"/> per known selector value. The property's type must be a base type
/// (or interface) of every case type. Payloads for unknown selector values are kept as unknown attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NetlinkSubMessageAttribute : Attribute
{
    /// <summary>Selects the sub-message by the value of the sibling property <paramref name="selector"/>.</summary>
    public NetlinkSubMessageAttribute(string selector) => Selector = selector;

    /// <summary>Name of the sibling <c>string</c> property whose value selects the case.</summary>
    public string Selector { get; }
}
