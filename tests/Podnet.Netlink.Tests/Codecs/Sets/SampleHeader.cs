using System.Runtime.InteropServices;

namespace Podnet.Netlink.Tests.Codecs.Sets;

/// <summary>An 8-byte fixed header shaped like the start of <c>ifinfomsg</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SampleHeader : IEquatable<SampleHeader>
{
    public byte Family;
    public byte Padding;
    public ushort DeviceType;
    public int Index;

    public readonly bool Equals(SampleHeader other) =>
        Family == other.Family && Padding == other.Padding && DeviceType == other.DeviceType && Index == other.Index;

    public override readonly bool Equals(object? obj) => obj is SampleHeader other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(Family, Padding, DeviceType, Index);
}
