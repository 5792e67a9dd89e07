using System.Diagnostics.CodeAnalysis;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The owner of an allocation: a container ID and an interface name. Both are validated so
/// they can never steer a store path: the container ID must match libcni's
/// <c>^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$</c>; the interface name follows libcni's
/// <c>ValidateInterfaceName</c> (1–15 bytes, not "." or "..", no '/', ':', whitespace or NUL).
/// </summary>
public readonly record struct IpamAttachment
{
    /// <summary>Creates and validates an attachment.</summary>
    /// <exception cref="IpamException">Code 4 when either value is invalid.</exception>
    public IpamAttachment(string containerId, string interfaceName)
    {
        if (!IsValidContainerId(containerId))
        {
            throw new IpamException(IpamErrorCode.InvalidEnvironment, $"invalid container ID {Quote(containerId)}: it must match ^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$");
        }

        if (!IsValidInterfaceName(interfaceName))
        {
            throw new IpamException(IpamErrorCode.InvalidEnvironment, $"invalid interface name {Quote(interfaceName)}: it must be 1-15 bytes, not '.' or '..', without '/', ':' or whitespace");
        }

        ContainerId = containerId;
        InterfaceName = interfaceName;
    }

    /// <summary>The container ID (CNI_CONTAINERID).</summary>
    public string ContainerId { get; }

    /// <summary>The interface name inside the container (CNI_IFNAME).</summary>
    public string InterfaceName { get; }

    /// <summary>True if the text is a valid libcni container ID (also the rule for network names).</summary>
    public static bool IsValidContainerId([NotNullWhen(true)] string? containerId)
    {
        if (string.IsNullOrEmpty(containerId) || !char.IsAsciiLetterOrDigit(containerId[0]))
        {
            return false;
        }

        foreach (char c in containerId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '.' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True if the text is a valid interface name by libcni's rules.</summary>
    public static bool IsValidInterfaceName([NotNullWhen(true)] string? interfaceName)
    {
        if (string.IsNullOrEmpty(interfaceName) || interfaceName is "." or ".."
            || System.Text.Encoding.UTF8.GetByteCount(interfaceName) > 15)
        {
            return false;
        }

        foreach (char c in interfaceName)
        {
            if (c is '/' or ':' or '\0' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>containerId/ifname</c>.</summary>
    public override string ToString() => $"{ContainerId}/{InterfaceName}";

    private static string Quote(string? value) => value is null ? "(null)" : $"\"{value}\"";
}
