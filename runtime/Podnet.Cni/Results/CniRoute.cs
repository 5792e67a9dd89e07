using System.Net;

namespace Podnet.Cni;

/// <summary>A route in a result; the 1.1.0 fields are written only in 1.1.0 results.</summary>
public sealed record CniRoute(IPAddress Destination, int PrefixLength, IPAddress? Gateway = null)
{
    /// <summary>Route MTU (1.1.0).</summary>
    public int? Mtu { get; init; }

    /// <summary>Advertised MSS (1.1.0).</summary>
    public int? AdvMss { get; init; }

    /// <summary>Metric (1.1.0).</summary>
    public int? Priority { get; init; }

    /// <summary>Routing table (1.1.0).</summary>
    public int? Table { get; init; }

    /// <summary>Scope (1.1.0).</summary>
    public int? Scope { get; init; }

    /// <summary>The destination in CIDR notation.</summary>
    public string Cidr => $"{Destination}/{PrefixLength}";
}
