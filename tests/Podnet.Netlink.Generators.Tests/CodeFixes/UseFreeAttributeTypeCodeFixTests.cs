using Podnet.Generators.CodeFixes;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class UseFreeAttributeTypeCodeFixTests
{
    [Fact]
    public async Task Replaces_a_duplicate_with_the_next_free_type_after_it()
    {
        string title = await CodeFixVerifier.VerifyAsync(
            new UseFreeAttributeTypeCodeFixProvider(),
            "PN1004",
            """
            [NetlinkAttributeSet]
            public partial class Link
            {
                [NetlinkAttribute(1)] public uint A { get; set; }
                [NetlinkAttribute(2)] public uint B { get; set; }
                [NetlinkAttribute(3)] public uint C { get; set; }
                [NetlinkAttribute(2)] public uint D { get; set; }
                [NetlinkAttribute(4)] public uint E { get; set; }
                [NetlinkAttribute(7)] public uint F { get; set; }
            }
            """,
            """
            [NetlinkAttributeSet]
            public partial class Link
            {
                [NetlinkAttribute(1)] public uint A { get; set; }
                [NetlinkAttribute(2)] public uint B { get; set; }
                [NetlinkAttribute(3)] public uint C { get; set; }
                [NetlinkAttribute(5)] public uint D { get; set; }
                [NetlinkAttribute(4)] public uint E { get; set; }
                [NetlinkAttribute(7)] public uint F { get; set; }
            }
            """);
        Assert.Equal("Use free attribute type 5", title);
    }

    [Fact]
    public Task Replaces_an_out_of_range_type_with_the_lowest_free_one_keeping_hex() => CodeFixVerifier.VerifyAsync(
        new UseFreeAttributeTypeCodeFixProvider(),
        "PN1005",
        """
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(0x1)] public uint A { get; set; }
            [NetlinkAttribute(0x8002)] public uint B { get; set; }
            [NetlinkAttribute(0x2)] public uint C { get; set; }
        }
        """,
        """
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(0x1)] public uint A { get; set; }
            [NetlinkAttribute(0x3)] public uint B { get; set; }
            [NetlinkAttribute(0x2)] public uint C { get; set; }
        }
        """);

    [Fact]
    public Task Replaces_a_named_constant_type_zero() => CodeFixVerifier.VerifyAsync(
        new UseFreeAttributeTypeCodeFixProvider(),
        "PN1005",
        """
        public static class IflaType
        {
            public const ushort Unspec = 0;
        }

        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(type: IflaType.Unspec)] public uint A { get; set; }
            [NetlinkAttribute(1)] public uint B { get; set; }
        }
        """,
        """
        public static class IflaType
        {
            public const ushort Unspec = 0;
        }

        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(type: 2)] public uint A { get; set; }
            [NetlinkAttribute(1)] public uint B { get; set; }
        }
        """);
}
