using Podnet.Generators.CodeFixes;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class MarkRepeatedCodeFixTests
{
    [Fact]
    public Task Adds_Repeated_true_after_the_type_argument() => CodeFixVerifier.VerifyAsync(
        new MarkRepeatedCodeFixProvider(),
        "PN1016",
        """
        [NetlinkAttributeSet]
        public partial class Address
        {
            [NetlinkAttribute(1)]
            public List<IPAddress> Addresses { get; set; } = [];
        }
        """,
        """
        [NetlinkAttributeSet]
        public partial class Address
        {
            [NetlinkAttribute(1, Repeated = true)]
            public List<IPAddress> Addresses { get; set; } = [];
        }
        """);

    [Fact]
    public Task Turns_Repeated_false_into_true_and_keeps_other_arguments() => CodeFixVerifier.VerifyAsync(
        new MarkRepeatedCodeFixProvider(),
        "PN1016",
        """
        [NetlinkAttributeSet]
        public partial class Tunnel
        {
            [Obsolete("old"), NetlinkAttribute(2, Repeated = false, ByteOrder = NetlinkByteOrder.BigEndian)]
            public List<ushort>? Ports { get; set; }
        }
        """,
        """
        [NetlinkAttributeSet]
        public partial class Tunnel
        {
            [Obsolete("old"), NetlinkAttribute(2, Repeated = true, ByteOrder = NetlinkByteOrder.BigEndian)]
            public List<ushort>? Ports { get; set; }
        }
        """);
}
