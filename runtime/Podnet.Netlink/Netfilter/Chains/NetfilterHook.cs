namespace Podnet.Netlink.Netfilter;

/// <summary>
/// Netfilter hooks (<c>NF_INET_*</c>; the bridge family's <c>NF_BR_*</c> use the same numbers for the five
/// common hooks).
/// </summary>
public enum NetfilterHook : uint
{
    /// <summary><c>NF_INET_PRE_ROUTING</c> / <c>NF_BR_PRE_ROUTING</c>.</summary>
    PreRouting = 0,

    /// <summary><c>NF_INET_LOCAL_IN</c>.</summary>
    LocalIn = 1,

    /// <summary><c>NF_INET_FORWARD</c>.</summary>
    Forward = 2,

    /// <summary><c>NF_INET_LOCAL_OUT</c>.</summary>
    LocalOut = 3,

    /// <summary><c>NF_INET_POST_ROUTING</c> / <c>NF_BR_POST_ROUTING</c>.</summary>
    PostRouting = 4,

    /// <summary><c>NF_INET_INGRESS</c>.</summary>
    Ingress = 5,
}
