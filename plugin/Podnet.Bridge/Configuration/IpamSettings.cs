namespace Podnet.Bridge.Configuration;

/// <summary>How addresses are obtained.</summary>
internal sealed record IpamSettings
{
    /// <summary>The <c>ipam.type</c>, or null for an L2-only network (<c>"ipam": {}</c>).</summary>
    public string? Type { get; init; }

    /// <summary>host-local configuration handled in process (when <see cref="Type"/> is <c>host-local</c>).</summary>
    public Podnet.Cni.Ipam.IpamConfig? HostLocal { get; init; }

    /// <summary>Whether IPAM is delegated to another plugin binary found in <c>CNI_PATH</c>.</summary>
    public bool IsDelegated => Type is not null && HostLocal is null;

    /// <summary>Whether no IPAM is configured.</summary>
    public bool IsNone => Type is null;
}
