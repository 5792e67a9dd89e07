using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Podnet.Cni.Ipam.Interop;

namespace Podnet.Cni.Ipam;

/// <summary>
/// What identifies a directory and changes whenever an entry is created, removed or renamed in
/// it: device, inode, mtime and ctime with nanoseconds, size and link count (<c>statx</c>).
/// The size and link count cover tmpfs, where an unlink can leave both timestamps unchanged
/// (measured on 6.18) but always shrinks the directory's size.
/// </summary>
internal readonly record struct DirectoryStamp(
    uint DeviceMajor,
    uint DeviceMinor,
    ulong Inode,
    long ModifiedSeconds,
    uint ModifiedNanoseconds,
    long ChangedSeconds,
    uint ChangedNanoseconds,
    ulong Size,
    uint LinkCount)
{
    private const uint StatxNlink = 0x4;
    private const uint StatxMtime = 0x40;
    private const uint StatxCtime = 0x80;
    private const uint StatxIno = 0x100;
    private const uint StatxSize = 0x200;
    private const uint Needed = StatxNlink | StatxMtime | StatxCtime | StatxIno | StatxSize;

    /// <summary>The directory's current stamp (without following a symlink); null if the file system cannot report all of it.</summary>
    /// <exception cref="IOException">statx failed.</exception>
    public static DirectoryStamp? Of(string directory)
    {
        if (IpamSyscalls.Statx(IpamSyscalls.AT_FDCWD, directory, IpamSyscalls.AT_SYMLINK_NOFOLLOW, IpamSyscalls.STATX_BASIC_STATS, out StatBuffer buffer) != 0)
        {
            throw new IOException($"statx {directory}: {IpamSyscalls.Describe(IpamSyscalls.LastErrno)}");
        }

        // struct statx (include/uapi/linux/stat.h): the same layout on every architecture.
        ReadOnlySpan<byte> statx = buffer;
        if ((BinaryPrimitives.ReadUInt32LittleEndian(statx) & Needed) != Needed)
        {
            return null;
        }

        return new DirectoryStamp(
            DeviceMajor: Read32(statx, 136),
            DeviceMinor: Read32(statx, 140),
            Inode: Read64(statx, 32),
            ModifiedSeconds: (long)Read64(statx, 112),
            ModifiedNanoseconds: Read32(statx, 120),
            ChangedSeconds: (long)Read64(statx, 96),
            ChangedNanoseconds: Read32(statx, 104),
            Size: Read64(statx, 40),
            LinkCount: Read32(statx, 16));
    }

    /// <summary>The stamp as the certificate stores it (one line per field, ASCII).</summary>
    public byte[] Encode(string header) =>
        Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{header}\ndev {DeviceMajor}:{DeviceMinor}\nino {Inode}\nmtime {ModifiedSeconds}.{ModifiedNanoseconds:D9}\nctime {ChangedSeconds}.{ChangedNanoseconds:D9}\nsize {Size}\nnlink {LinkCount}\n"));

    // statx is filled in native byte order; podnet runs on little-endian x86-64 and arm64 only.
    private static uint Read32(ReadOnlySpan<byte> statx, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(statx[offset..]);

    private static ulong Read64(ReadOnlySpan<byte> statx, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(statx[offset..]);
}

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
