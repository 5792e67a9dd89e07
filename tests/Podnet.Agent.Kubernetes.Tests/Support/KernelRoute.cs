namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>A route as <c>ip -j route</c> prints it: destination, gateway, device.</summary>
internal sealed record KernelRoute(string Destination, string? Gateway, string? Device)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Destination} via {Gateway} dev {Device}";
}
