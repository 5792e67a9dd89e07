using System.Buffers.Binary;
using Podnet.Cni.Ipam.Interop;

namespace Podnet.Cni.Ipam;

/// <summary>
/// Whether a directory's timestamps are guaranteed to move on the next change after someone
/// looked at them. Linux 6.13 added multigrain timestamps to ext4, xfs, btrfs and tmpfs:
/// once a <c>stat</c> has observed an inode's ctime, the next change gets a fine-grained
/// timestamp, so it can never be hidden in the same clock tick. On older kernels or other file
/// systems two changes within one tick (4 ms at HZ=250) can carry the same timestamp; the store
/// then does not trust a scan certificate and scans as host-local does.
/// </summary>
internal static class MultigrainTimestamps
{
    private const long Ext4Magic = 0xEF53; // also ext2/ext3, normally mounted by the ext4 driver
    private const long XfsMagic = 0x58465342;
    private const long BtrfsMagic = 0x9123683E;
    private const long TmpfsMagic = 0x01021994;

    private static readonly Version s_firstKernel = new(6, 13);

    /// <summary>True if changes to <paramref name="directory"/> always change its stamp.</summary>
    public static bool AreGuaranteed(string directory)
    {
        if (!OperatingSystem.IsLinux() || Environment.OSVersion.Version < s_firstKernel)
        {
            return false;
        }

        if (IpamSyscalls.Statfs(directory, out StatBuffer buffer) != 0)
        {
            return false;
        }

        // struct statfs starts with f_type, a long (8 bytes on 64-bit Linux).
        long type = BinaryPrimitives.ReadInt64LittleEndian(buffer);
        return type is Ext4Magic or XfsMagic or BtrfsMagic or TmpfsMagic;
    }
}
