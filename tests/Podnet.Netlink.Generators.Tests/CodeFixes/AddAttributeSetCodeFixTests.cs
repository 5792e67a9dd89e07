using Podnet.Generators.CodeFixes;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class AddAttributeSetCodeFixTests
{
    [Fact]
    public async Task Marks_the_owner_of_a_netlink_member_as_a_partial_attribute_set()
    {
        string title = await CodeFixVerifier.VerifyAsync(
            new AddAttributeSetCodeFixProvider(),
            "PN1021",
            """
            namespace Sample;

            public class Link
            {
                [NetlinkAttribute(4)]
                public uint Mtu { get; set; }
            }
            """,
            """
            namespace Sample;

            [NetlinkAttributeSet]
            public partial class Link
            {
                [NetlinkAttribute(4)]
                public uint Mtu { get; set; }
            }
            """);
        Assert.Equal("Mark 'Link' as [NetlinkAttributeSet]", title);
    }

    [Fact]
    public Task Marks_the_class_of_a_nested_member_after_its_existing_attributes() => CodeFixVerifier.VerifyAsync(
        new AddAttributeSetCodeFixProvider(),
        "PN1007",
        """
        public static class Rtnetlink
        {
            [Serializable]
            public sealed class LinkStats
            {
                public ulong RxPackets { get; set; }
            }
        }

        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(7, Repeated = true)]
            public List<Rtnetlink.LinkStats> Stats { get; set; } = [];
        }
        """,
        """
        public static partial class Rtnetlink
        {
            [Serializable]
            [NetlinkAttributeSet]
            public sealed partial class LinkStats
            {
                public ulong RxPackets { get; set; }
            }
        }

        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(7, Repeated = true)]
            public List<Rtnetlink.LinkStats> Stats { get; set; } = [];
        }
        """);
}
