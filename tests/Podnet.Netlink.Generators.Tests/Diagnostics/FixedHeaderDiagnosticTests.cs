namespace Podnet.Netlink.Generators.Tests.Diagnostics;

public sealed class FixedHeaderDiagnosticTests
{
    private const string Headers = """
        public struct IfInfo
        {
            public byte Family;
            public ushort Type;
            public int Index;
            public uint Flags;
            public uint Change;
        }

        public struct NamedHeader
        {
            public string Name;
        }

        """;

    [Fact]
    public Task PN1008_is_reported_on_the_type_of_a_managed_or_primitive_header() => DiagnosticVerifier.VerifyAsync(Headers + """
        [NetlinkAttributeSet]
        public partial class WithString
        {
            [NetlinkHeader]
            public [|string|] Header { get; set; } = "";
        }

        [NetlinkAttributeSet]
        public partial class WithManagedStruct
        {
            [NetlinkHeader]
            public [|NamedHeader|] Header { get; set; }
        }

        [NetlinkAttributeSet]
        public partial class WithPrimitive
        {
            [NetlinkHeader]
            public [|uint|] Header;
        }

        [NetlinkAttributeSet]
        public partial class WithNullable
        {
            [NetlinkHeader]
            public [|IfInfo?|] Header { get; set; }
        }
        """, "PN1008");

    [Fact]
    public Task PN1009_is_reported_on_every_header_after_the_first() => DiagnosticVerifier.VerifyAsync(Headers + """
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkHeader]
            public IfInfo Header { get; set; }

            [NetlinkHeader]
            public IfInfo [|Second|] { get; set; }

            [NetlinkHeader]
            public IfInfo [|Third|];
        }
        """, "PN1009");

    [Fact]
    public Task PN1018_is_reported_on_a_read_only_header_field() => DiagnosticVerifier.VerifyAsync(Headers + """
        [NetlinkAttributeSet]
        public partial class Link
        {
            [NetlinkHeader]
            public readonly IfInfo [|Header|];
        }

        [NetlinkAttributeSet]
        public partial class Address
        {
            [NetlinkHeader]
            public IfInfo [|Header|] { get; init; }
        }
        """, "PN1018");
}
