using Podnet.Generators.CodeFixes;

namespace Podnet.Netlink.Generators.Tests.CodeFixes;

public sealed class DeclareEnumWidthCodeFixTests
{
    [Fact]
    public Task Narrows_an_attribute_enum_to_the_chosen_width() => CodeFixVerifier.VerifyAsync(
        new DeclareEnumWidthCodeFixProvider(),
        "PN1024",
        """
        public enum OperState
        {
            Unknown = 0,
            Up = 6,
        }

        [NetlinkAttributeSet]
        public sealed partial class Link
        {
            [NetlinkAttribute(16)]
            public OperState? OperState { get; set; }
        }
        """,
        """
        public enum OperState : byte
        {
            Unknown = 0,
            Up = 6,
        }

        [NetlinkAttributeSet]
        public sealed partial class Link
        {
            [NetlinkAttribute(16)]
            public OperState? OperState { get; set; }
        }
        """,
        actionTitle: "Declare 'enum OperState : byte'");

    [Fact]
    public Task Declares_a_header_field_enum_as_a_signed_width_when_values_are_negative() => CodeFixVerifier.VerifyAsync(
        new DeclareEnumWidthCodeFixProvider(),
        "PN1024",
        """
        public enum Verdict { Jump = -3, Drop = 0, Accept = 1 }

        public struct Header
        {
            public byte Family;
            public Verdict Verdict;
        }

        [NetlinkAttributeSet]
        public sealed partial class Message
        {
            [NetlinkHeader]
            public Header Header { get; set; }
        }
        """,
        """
        public enum Verdict : int { Jump = -3, Drop = 0, Accept = 1 }

        public struct Header
        {
            public byte Family;
            public Verdict Verdict;
        }

        [NetlinkAttributeSet]
        public sealed partial class Message
        {
            [NetlinkHeader]
            public Header Header { get; set; }
        }
        """,
        actionTitle: "Declare 'enum Verdict : int'");
}
