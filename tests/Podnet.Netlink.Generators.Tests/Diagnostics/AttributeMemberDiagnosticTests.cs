namespace Podnet.Netlink.Generators.Tests.Diagnostics;

public sealed class AttributeMemberDiagnosticTests
{
    [Fact]
    public Task PN1004_is_reported_on_the_type_argument_of_the_second_member() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(3)]
            public string? Name { get; set; }

            [NetlinkAttribute([|3|])]
            public uint Mtu { get; set; }

            [NetlinkAttribute([|3|])]
            public uint TxQueueLength { get; set; }
        }
        """, "PN1004");

    [Fact]
    public async Task PN1004_message_names_both_members()
    {
        var diagnostics = await DiagnosticVerifier.VerifyAsync("""
            [NetlinkAttributeSet]
            public partial class Link
            {
                [NetlinkAttribute(3)]
                public string? Name { get; set; }

                [NetlinkAttribute([|3|])]
                public uint Mtu { get; set; }
            }
            """, "PN1004");
        string message = diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Attribute type 3 of 'Mtu' is already used by 'Name'", message);
    }

    [Fact]
    public Task PN1005_is_reported_on_zero_and_on_types_with_flag_bits() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute([|0|])]
            public uint Unspecified { get; set; }

            [NetlinkAttribute([|0x4000|])]
            public uint FirstFlagValue { get; set; }

            [NetlinkAttribute([|0x4001|])]
            public uint ByteOrderBit { get; set; }

            [NetlinkAttribute([|type: 0x8003|])]
            public uint NestedBit { get; set; }

            [NetlinkAttribute(0x3FFF)]
            public uint Highest { get; set; }
        }
        """, "PN1005");

    [Fact]
    public Task PN1006_is_reported_on_the_member_type() => DiagnosticVerifier.VerifyAsync("""
        public struct Weight
        {
            public double Value;
        }

        [NetlinkAttributeSet]
        public partial class Route
        {
            [NetlinkAttribute(1)]
            public [|double|] Metric { get; set; }

            [NetlinkAttribute(2)]
            public [|char|] Scope { get; set; }

            [NetlinkAttribute(3)]
            public [|int[]|] Hops { get; set; } = [];

            [NetlinkAttribute(4)]
            public [|ReadOnlyMemory<int>|] Data { get; set; }

            [NetlinkAttribute(5, Repeated = true)]
            public [|List<bool>|] Flags { get; set; } = [];

            [NetlinkAttribute(6)]
            public [|Weight?|] Weight { get; set; }

            [NetlinkAttribute(7)]
            public [|Uri?|] Source { get; set; }

            [NetlinkAttribute(8)]
            public [|bool?|] Flag { get; set; }

            [NetlinkAttribute(9, Repeated = true)]
            public [|List<uint?>|] Optional { get; set; } = [];

            [NetlinkAttribute(10)]
            [NetlinkSubMessage(nameof(Kind))]
            [NetlinkSubMessageCase("x", {|PN1013:typeof(Route)|})]
            public [|int|] Payload { get; set; }

            [NetlinkAttribute(11)]
            public string? Kind { get; set; }
        }
        """, "PN1006");

    [Fact]
    public Task PN1007_is_reported_on_a_class_member_type_without_attribute_set() => DiagnosticVerifier.VerifyAsync("""
        public class LinkStats
        {
        }

        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(7)]
            public [|LinkStats?|] Stats { get; set; }

            [NetlinkAttribute(8, Repeated = true)]
            public [|List<LinkStats>|] History { get; set; } = [];
        }
        """, "PN1007");

    [Fact]
    public Task PN1015_is_reported_on_the_repeated_argument() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(4, [|Repeated = true|])]
            public uint Mtu { get; set; }

            [NetlinkAttribute(5, Repeated = false)]
            public uint Group { get; set; }
        }
        """, "PN1015");

    [Fact]
    public Task PN1016_is_reported_on_the_identifier_of_a_list_without_repeated() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class Address
        {
            [NetlinkAttribute(1)]
            public List<IPAddress> [|Addresses|] { get; set; } = [];

            [NetlinkAttribute(2, Repeated = false)]
            public List<uint>? [|Flags|] { get; set; }
        }
        """, "PN1016");

    [Fact]
    public async Task PN1017_is_a_warning_on_the_byte_order_argument_of_non_integers()
    {
        var diagnostics = await DiagnosticVerifier.VerifyAsync("""
            [NetlinkAttributeSet]
            public partial class Tunnel
            {
                [NetlinkAttribute(1, [|ByteOrder = NetlinkByteOrder.BigEndian|])]
                public string? Name { get; set; }

                [NetlinkAttribute(2, [|ByteOrder = NetlinkByteOrder.BigEndian|], Repeated = true)]
                public List<IPAddress> Remotes { get; set; } = [];

                [NetlinkAttribute(3, ByteOrder = NetlinkByteOrder.BigEndian)]
                public ushort Port { get; set; }

                [NetlinkAttribute(4, ByteOrder = NetlinkByteOrder.Native)]
                public bool Learning { get; set; }

                [NetlinkAttribute(5, ByteOrder = NetlinkByteOrder.BigEndian)]
                public byte Ttl { get; set; }

                [NetlinkAttribute(6)]
                public string? Kind { get; set; }

                [NetlinkAttribute(7, [|ByteOrder = NetlinkByteOrder.BigEndian|])]
                [NetlinkSubMessage(nameof(Kind))]
                [NetlinkSubMessageCase("self", typeof(Tunnel))]
                public Tunnel? Data { get; set; }
            }
            """, "PN1017");
        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, diagnostic => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity));
    }

    [Fact]
    public Task PN1018_is_reported_on_static_and_read_only_members() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkAttribute(1)]
            public uint [|Mtu|] { get; }

            [NetlinkAttribute(2)]
            public static uint [|Group|] { get; set; }

            [NetlinkAttribute(3)]
            public string? [|Name|] { get; init; }

            [NetlinkAttribute(4)]
            public uint [|Computed|] => 5;

            [NetlinkAttribute(5)]
            public uint [|WriteOnly|] { set { } }

            [NetlinkAttribute(6)]
            public List<uint> {|PN1018:{|PN1016:Addresses|}|} { get; } = [];

            [NetlinkAttribute(7, Repeated = true)]
            public List<uint> Ports { get; } = [];
        }
        """, "PN1018");
}
