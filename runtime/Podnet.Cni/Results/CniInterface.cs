namespace Podnet.Cni;

/// <summary>An interface in a result: the bridge, the host veth, or the container interface (with a sandbox).</summary>
public sealed record CniInterface(string Name, string? Mac = null, string? Sandbox = null, int? Mtu = null);
