namespace Podnet.Netlink.Tests.Codecs.Sets;

internal enum SampleColor : ushort
{
    Red = 1,
    Green = 2,
    Blue = 0xF00D,
}
