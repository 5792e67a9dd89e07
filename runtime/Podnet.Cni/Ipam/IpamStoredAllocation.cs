using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>One address file of the store, with the owner it records.</summary>
/// <param name="Address">The allocated address (the file name).</param>
/// <param name="ContainerId">The owner's container ID, or null when the file could not be read or parsed.</param>
/// <param name="InterfaceName">The owner's interface name; null for the reference's legacy files (container ID only) and for unreadable files.</param>
public sealed record IpamStoredAllocation(IPAddress Address, string? ContainerId, string? InterfaceName)
{
    /// <summary>True if the owner could not be read: the address stays taken and GC leaves it alone.</summary>
    public bool IsUnreadable => ContainerId is null;

    /// <summary>True if this allocation belongs to the attachment (exact, or a legacy file with the same container ID).</summary>
    public bool BelongsTo(IpamAttachment attachment) =>
        ContainerId == attachment.ContainerId && (InterfaceName is null || InterfaceName == attachment.InterfaceName);
}
