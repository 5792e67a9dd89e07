using System.Diagnostics.CodeAnalysis;

namespace Podnet.Netlink.Netfilter;

/// <summary>
/// Who a Podnet rule belongs to: one attachment of one container to one network. Stored in the rule as the comment
/// <c>podnet:&lt;network&gt;:&lt;containerID&gt;:&lt;ifname&gt;</c> (see <see cref="RuleComment"/>), so DEL and garbage
/// collection find the rules of an attachment without any state on disk.
/// </summary>
/// <param name="Network">The CNI network name.</param>
/// <param name="ContainerId">The CNI container id.</param>
/// <param name="InterfaceName">The interface name inside the container (<c>CNI_IFNAME</c>).</param>
public readonly record struct RuleOwner(string Network, string ContainerId, string InterfaceName)
{
    /// <summary>The prefix of every owner tag.</summary>
    public const string Prefix = "podnet:";

    /// <summary>The tag stored in the rule comment.</summary>
    /// <exception cref="ArgumentException">A part is empty or contains ':' or NUL.</exception>
    public string ToTag()
    {
        Validate(Network, nameof(Network));
        Validate(ContainerId, nameof(ContainerId));
        Validate(InterfaceName, nameof(InterfaceName));
        return Prefix + Network + ":" + ContainerId + ":" + InterfaceName;
    }

    /// <inheritdoc/>
    public override string ToString() => Prefix + Network + ":" + ContainerId + ":" + InterfaceName;

    /// <summary>Parses a tag written by <see cref="ToTag"/>; <see langword="false"/> for any other comment.</summary>
    public static bool TryParse([NotNullWhen(true)] string? tag, out RuleOwner owner)
    {
        owner = default;
        if (tag is null || !tag.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = tag[Prefix.Length..].Split(':');
        if (parts.Length != 3 || Array.Exists(parts, string.IsNullOrEmpty))
        {
            return false;
        }

        owner = new RuleOwner(parts[0], parts[1], parts[2]);
        return true;
    }

    private static void Validate(string? part, string name)
    {
        if (string.IsNullOrEmpty(part) || part.AsSpan().IndexOfAny(':', '\0') >= 0)
        {
            throw new ArgumentException($"{name} of a rule owner must be non-empty and free of ':' and NUL (got '{part}').", name);
        }
    }
}
