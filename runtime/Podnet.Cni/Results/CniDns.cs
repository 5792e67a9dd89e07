namespace Podnet.Cni;

/// <summary>DNS settings in a result or configuration.</summary>
public sealed record CniDns
{
    /// <summary>Name servers, in order of priority.</summary>
    public IReadOnlyList<string> Nameservers { get; init; } = [];

    /// <summary>The local domain.</summary>
    public string? Domain { get; init; }

    /// <summary>Search domains.</summary>
    public IReadOnlyList<string> Search { get; init; } = [];

    /// <summary>resolver options.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Whether nothing is set.</summary>
    public bool IsEmpty => Nameservers.Count == 0 && Domain is null && Search.Count == 0 && Options.Count == 0;
}
