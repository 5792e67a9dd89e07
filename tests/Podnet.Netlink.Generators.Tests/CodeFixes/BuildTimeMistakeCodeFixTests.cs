using Podnet.Generators.CodeFixes;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class BuildTimeMistakeCodeFixTests
{
    [Fact]
    public Task PN1027_makes_a_file_local_set_internal() => CodeFixVerifier.VerifyAsync(
        new MakeInternalCodeFixProvider(),
        "PN1027",
        """
        [NetlinkAttributeSet]
        file sealed partial class Probe
        {
            [NetlinkAttribute(1)]
            public uint Index { get; set; }
        }
        """,
        """
        [NetlinkAttributeSet]
        internal sealed partial class Probe
        {
            [NetlinkAttribute(1)]
            public uint Index { get; set; }
        }
        """);

    [Fact]
    public Task PN1028_declares_a_record_set_as_a_class() => CodeFixVerifier.VerifyAsync(
        new DeclareAsClassCodeFixProvider(),
        "PN1028",
        """
        [NetlinkAttributeSet]
        public sealed partial record class LinkStats : IEquatable<int>
        {
            [NetlinkAttribute(1)]
            public ulong RxPackets { get; set; }

            public bool Equals(int other) => false;
        }
        """,
        """
        [NetlinkAttributeSet]
        public sealed partial class LinkStats : IEquatable<int>
        {
            [NetlinkAttribute(1)]
            public ulong RxPackets { get; set; }

            public bool Equals(int other) => false;
        }
        """);

    [Fact]
    public Task PN1029_removes_the_second_attribute_set_marker() => CodeFixVerifier.VerifyAsync(
        new RemoveDuplicateAttributeSetCodeFixProvider(),
        "PN1029",
        """
        [NetlinkAttributeSet]
        public sealed partial class Link
        {
            [NetlinkAttribute(3)]
            public string? Name { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class Link
        {
            [NetlinkAttribute(4)]
            public uint Mtu { get; set; }
        }
        """,
        """
        [NetlinkAttributeSet]
        public sealed partial class Link
        {
            [NetlinkAttribute(3)]
            public string? Name { get; set; }
        }

        public sealed partial class Link
        {
            [NetlinkAttribute(4)]
            public uint Mtu { get; set; }
        }
        """);
}
