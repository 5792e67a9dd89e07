namespace Podnet.Bridge.Tests.Interop;

/// <summary>The verbs of the libcni driver; each maps to one libcni call.</summary>
public enum LibcniCommand
{
    /// <summary><c>AddNetworkList</c>; prints the result.</summary>
    Add,

    /// <summary><c>CheckNetworkList</c>.</summary>
    Check,

    /// <summary><c>DelNetworkList</c>.</summary>
    Del,

    /// <summary><c>GetNetworkListCachedResult</c>; prints the cached result.</summary>
    Cached,

    /// <summary><c>ValidateNetworkList</c>; prints the versions each plugin supports.</summary>
    Validate,
}
