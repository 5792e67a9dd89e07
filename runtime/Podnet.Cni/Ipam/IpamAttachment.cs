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
        if (!CniNames.IsValidContainerId(containerId))
        {
            throw new IpamException(IpamErrorCode.InvalidEnvironment, $"invalid container ID {Quote(containerId)}: it must match ^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$");
        }

        if (!CniNames.IsValidInterfaceName(interfaceName))
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

    /// <summary><c>containerId/ifname</c>.</summary>
    public override string ToString() => $"{ContainerId}/{InterfaceName}";

    private static string Quote(string? value) => value is null ? "(null)" : $"\"{value}\"";
}
