using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>One route as <c>ip -j route</c> reports it.</summary>
/// <param name="Destination">The prefix, e.g. <c>10.244.2.0/24</c> (a host route has no <c>/32</c>).</param>
/// <param name="Gateway">The next hop, if any.</param>
/// <param name="Device">The output interface.</param>
/// <param name="Protocol">The protocol as iproute2 names it (<c>98</c>, <c>static</c>, <c>kernel</c>, <c>boot</c>).</param>
public sealed record KernelRoute(string Destination, string? Gateway, string? Device, string Protocol)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Destination} via {Gateway} dev {Device} proto {Protocol}";
}
