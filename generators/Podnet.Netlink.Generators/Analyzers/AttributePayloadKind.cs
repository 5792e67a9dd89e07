namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>How a member type is encoded as a netlink attribute payload.</summary>
internal enum AttributePayloadKind
{
    /// <summary>No netlink encoding exists for the type.</summary>
    Unsupported,

    /// <summary>A fixed-width integer or an enum over one.</summary>
    Integer,

    /// <summary><c>bool</c>: a flag attribute without payload.</summary>
    Flag,

    /// <summary>A NUL-terminated string.</summary>
    String,

    /// <summary><c>byte[]</c> or <c>ReadOnlyMemory&lt;byte&gt;</c>.</summary>
    Binary,

    /// <summary>A 6-byte link-layer address.</summary>
    MacAddress,

    /// <summary>An IPv4 or IPv6 address.</summary>
    IpAddress,

    /// <summary>Another attribute set, written with <c>NLA_F_NESTED</c>.</summary>
    NestedSet,

    /// <summary>A source-declared class that lacks <c>[NetlinkAttributeSet]</c>.</summary>
    ClassNotAttributeSet,

    /// <summary><c>List&lt;T&gt;</c>: a repeated attribute.</summary>
    List,
}
