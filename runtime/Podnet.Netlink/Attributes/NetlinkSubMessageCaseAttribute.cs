namespace Podnet.Netlink;

/// <summary>One case of a <see cref="NetlinkSubMessageAttribute"/>: selector value → attribute set type.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class NetlinkSubMessageCaseAttribute : Attribute
{
    /// <summary>When the selector equals <paramref name="value"/>, the payload is a <paramref name="type"/>.</summary>
    public NetlinkSubMessageCaseAttribute(string value, Type type)
    {
        Value = value;
        Type = type;
    }

    /// <summary>The selector value, for example <c>"veth"</c>.</summary>
    public string Value { get; }

    /// <summary>The attribute set type used for this value.</summary>
    public Type Type { get; }
}
