namespace Podnet.Netlink.Generators.Tests.Diagnostics;

public sealed class AttributeSetDeclarationDiagnosticTests
{
    [Fact]
    public Task PN1001_is_reported_on_the_identifier_of_a_non_partial_set() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public sealed class [|LinkInfo|]
        {
            [NetlinkAttribute(1)]
            public string? Kind { get; set; }
        }
        """, "PN1001");

    [Fact]
    public Task PN1002_is_reported_on_a_generic_set() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class [|Holder|]<T>
        {
            [NetlinkAttribute(1)]
            public uint Value { get; set; }
        }
        """, "PN1002");

    [Fact]
    public Task PN1002_is_reported_on_an_abstract_set() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public abstract partial class [|LinkData|]
        {
        }
        """, "PN1002");

    [Fact]
    public Task PN1002_is_reported_without_a_parameterless_constructor_and_inside_a_generic_type() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class [|Route|]
        {
            public Route(uint table) => Table = table;

            [NetlinkAttribute(15)]
            public uint Table { get; set; }
        }

        public partial class Outer<T>
        {
            [NetlinkAttributeSet]
            public partial class [|Inner|]
            {
            }
        }
        """, "PN1002");

    [Fact]
    public Task PN1023_is_reported_on_a_base_class_that_is_an_attribute_set() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(4)]
            public uint Mtu { get; set; }
        }

        public class Middle : Link
        {
        }

        [NetlinkAttributeSet]
        public partial class Veth : [|Link|]
        {
        }

        [NetlinkAttributeSet]
        public partial class Bridge : [|Middle|], IDisposable
        {
            public void Dispose()
            {
            }
        }
        """, "PN1023");

    [Fact]
    public Task PN1003_is_reported_on_the_non_partial_containing_type() => DiagnosticVerifier.VerifyAsync("""
        public static partial class Rtnetlink
        {
            public class [|Link|]
            {
                [NetlinkAttributeSet]
                public partial class Stats
                {
                    [NetlinkAttribute(1)]
                    public ulong RxPackets { get; set; }
                }
            }
        }
        """, "PN1003");

    [Fact]
    public Task PN1019_is_reported_on_a_message_that_is_not_an_attribute_set() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkMessage(NetlinkProtocol.Route, 16, 17)]
        public partial class [|NewLink|]
        {
        }
        """, "PN1019");

    [Fact]
    public Task PN1020_is_reported_on_a_message_attribute_without_types() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        [[|NetlinkMessage(NetlinkProtocol.Route)|]]
        public partial class NewLink
        {
        }
        """, "PN1020");

    [Fact]
    public Task PN1021_is_reported_on_netlink_members_of_a_type_that_is_not_a_set() => DiagnosticVerifier.VerifyAsync("""
        public struct IfInfo
        {
            public byte Family;
        }

        public partial class Link
        {
            [NetlinkHeader]
            public IfInfo [|Header|] { get; set; }

            [NetlinkAttribute(4)]
            public uint [|Mtu|] { get; set; }
        }
        """, "PN1021");
}
