using System.Runtime.CompilerServices;

namespace Podnet.Cni.Ipam.Interop;

/// <summary>
/// 256 bytes the kernel fills: large enough for <c>struct statx</c> (256) and <c>struct statfs</c>
/// (120 on 64-bit Linux). Read it as a span with the offsets of the ABI.
/// </summary>
[InlineArray(Length)]
internal struct StatBuffer
{
    public const int Length = 256;

    private byte _element0;
}
