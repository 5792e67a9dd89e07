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
