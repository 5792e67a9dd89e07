using Podnet.Generators.CodeFixes;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class MakePartialCodeFixTests
{
    [Fact]
    public async Task Adds_partial_after_the_existing_modifiers()
    {
        string title = await CodeFixVerifier.VerifyAsync(
            new MakePartialCodeFixProvider(),
            "PN1001",
            """
            [NetlinkAttributeSet]
            public sealed class Link
            {
                [NetlinkAttribute(3)]
                public string? Name { get; set; }
            }
            """,
            """
            [NetlinkAttributeSet]
            public sealed partial class Link
            {
                [NetlinkAttribute(3)]
                public string? Name { get; set; }
            }
            """);
        Assert.Equal("Make 'Link' partial", title);
    }

    [Fact]
    public Task Makes_the_set_and_all_containing_types_partial() => CodeFixVerifier.VerifyAsync(
        new MakePartialCodeFixProvider(),
        "PN1001",
        """
        namespace Sample
        {
            class Rtnetlink
            {
                internal static partial class Links
                {
                    [NetlinkAttributeSet]
                    class Stats
                    {
                        [NetlinkAttribute(1)]
                        public ulong RxPackets { get; set; }
                    }
                }
            }
        }
        """,
        """
        namespace Sample
        {
            partial class Rtnetlink
            {
                internal static partial class Links
                {
                    [NetlinkAttributeSet]
                    partial class Stats
                    {
                        [NetlinkAttribute(1)]
                        public ulong RxPackets { get; set; }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fixes_a_non_partial_containing_type_reported_by_PN1003() => CodeFixVerifier.VerifyAsync(
        new MakePartialCodeFixProvider(),
        "PN1003",
        """
        public class Rtnetlink
        {
            [NetlinkAttributeSet]
            public partial class Stats
            {
            }
        }
        """,
        """
        public partial class Rtnetlink
        {
            [NetlinkAttributeSet]
            public partial class Stats
            {
            }
        }
        """);
}
