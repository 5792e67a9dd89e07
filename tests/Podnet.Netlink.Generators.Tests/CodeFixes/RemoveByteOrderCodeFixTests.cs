using Podnet.Generators.CodeFixes;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class RemoveByteOrderCodeFixTests
{
    [Fact]
    public Task Removes_a_trailing_ByteOrder_argument() => CodeFixVerifier.VerifyAsync(
        new RemoveByteOrderCodeFixProvider(),
        "PN1017",
        """
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
            public string? Name { get; set; }
        }
        """,
        """
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(3)]
            public string? Name { get; set; }
        }
        """);

    [Fact]
    public Task Removes_a_ByteOrder_argument_between_others() => CodeFixVerifier.VerifyAsync(
        new RemoveByteOrderCodeFixProvider(),
        "PN1017",
        """
        [NetlinkAttributeSet]
        public partial class Tunnel
        {
            [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian, Repeated = true)]
            public List<IPAddress> Remotes { get; set; } = [];
        }
        """,
        """
        [NetlinkAttributeSet]
        public partial class Tunnel
        {
            [NetlinkAttribute(2, Repeated = true)]
            public List<IPAddress> Remotes { get; set; } = [];
        }
        """);
}
