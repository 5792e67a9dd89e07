using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Tests.Parity;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

/// <summary>
/// The mistakes that used to pass silently or break the generated code (issue 11), each with its diagnostic. Every
/// source here also goes through the parity check, so the set is not generated either.
/// </summary>
public sealed class BuildTimeMistakeDiagnosticTests
{
    [Fact]
    public async Task PN1024_is_reported_on_an_attribute_enum_without_a_declared_width()
    {
        var diagnostics = await DiagnosticVerifier.VerifyAsync("""
            public enum RouteProtocol { Kernel = 2, Static = 4 }
            public enum OperState : byte { Up = 6 }

            [NetlinkAttributeSet]
            public sealed partial class Route
            {
                [NetlinkAttribute(21)]
                public [|RouteProtocol?|] Protocol { get; set; }

                [NetlinkAttribute(22, Repeated = true)]
                public [|List<RouteProtocol>|] Protocols { get; set; } = [];

                [NetlinkAttribute(16)]
                public OperState OperState { get; set; }

                [NetlinkAttribute(17)]
                public NetlinkProtocol FromReference { get; set; }
            }
            """, "PN1024");
        Assert.Equal(
            "The enum 'RouteProtocol' of 'Protocol' does not declare its underlying type, so it is written as 4 bytes whatever the kernel field is; declare the width of the kernel field, for example 'enum RouteProtocol : byte' for a u8",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PN1024_is_reported_on_a_header_whose_struct_has_an_enum_field_without_a_declared_width()
    {
        var diagnostics = await DiagnosticVerifier.VerifyAsync("""
            public enum RouteProtocol { Kernel = 2, Static = 4 }

            public struct RouteHeader
            {
                public byte Family;
                public byte DestinationLength;
                public RouteProtocol Protocol;
            }

            public struct Wrapper
            {
                public RouteHeader Inner;
            }

            [NetlinkAttributeSet]
            public sealed partial class Route
            {
                [NetlinkHeader]
                public [|RouteHeader|] Header { get; set; }
            }

            [NetlinkAttributeSet]
            public sealed partial class Wrapped
            {
                [NetlinkHeader]
                public [|Wrapper|] Header;
            }
            """, "PN1024");
        Assert.Contains("'Header.Inner.Protocol'", diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public Task PN1025_is_reported_on_auto_and_overlapping_header_layouts() => DiagnosticVerifier.VerifyAsync("""
        using System.Runtime.InteropServices;

        [StructLayout(LayoutKind.Auto)]
        public struct AutoHeader { public byte Family; public int Index; }

        [StructLayout(LayoutKind.Explicit)]
        public struct Overlapping { [FieldOffset(0)] public int Index; [FieldOffset(2)] public short Flags; }

        [StructLayout(LayoutKind.Explicit)]
        public struct Disjoint { [FieldOffset(0)] public int Index; [FieldOffset(4)] public short Flags; }

        public struct ContainsAuto { public byte Family; public AutoHeader Inner; }

        [NetlinkAttributeSet]
        public sealed partial class A { [NetlinkHeader] public [|AutoHeader|] Header { get; set; } }

        [NetlinkAttributeSet]
        public sealed partial class B { [NetlinkHeader] public [|Overlapping|] Header { get; set; } }

        [NetlinkAttributeSet]
        public sealed partial class C { [NetlinkHeader] public Disjoint Header { get; set; } }

        [NetlinkAttributeSet]
        public sealed partial class D { [NetlinkHeader] public [|ContainsAuto|] Header { get; set; } }
        """, "PN1025");

    [Fact]
    public Task PN1026_is_reported_on_members_named_like_generated_ones() => DiagnosticVerifier.VerifyAsync("""
        public class Printable
        {
            public void Write(System.IO.TextWriter output) { }
        }

        [NetlinkAttributeSet]
        public sealed partial class Link
        {
            [NetlinkAttribute(1)]
            public byte[]? [|UnknownAttributes|] { get; set; }

            [NetlinkAttribute(2)]
            public uint [|Read|] { get; set; }

            public void [|Write|]() { }

            public int [|GetSize|](int extra) => extra;

            public class [|ReadCore|] { }
        }

        [NetlinkAttributeSet]
        public sealed partial class Derived : [|Printable|]
        {
        }
        """, "PN1026");

    [Fact]
    public Task PN1027_is_reported_on_file_local_sets_and_containers() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        file sealed partial class [|Probe|]
        {
            [NetlinkAttribute(1)]
            public uint Index { get; set; }
        }

        file partial class [|Container|]
        {
            [NetlinkAttributeSet]
            public sealed partial class Inner
            {
            }
        }
        """, "PN1027");

    [Fact]
    public Task PN1028_is_reported_on_a_record_attribute_set() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public sealed partial record [|LinkStats|]
        {
            [NetlinkAttribute(1)]
            public ulong RxPackets { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial record class [|Other|]
        {
        }
        """, "PN1028");

    [Fact]
    public async Task PN1029_is_reported_on_a_second_attribute_set_declaration_and_nothing_is_generated()
    {
        // The compiler also reports CS0579, so this source cannot go through the compile-clean verifier.
        const string code = """
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
            """;
        Compilation compilation = NetlinkTestCompilation.Create(code);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(NetlinkTestCompilation.Analyzers).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        Diagnostic duplicate = Assert.Single(diagnostics);
        Assert.Equal("PN1029", duplicate.Id);
        Assert.Equal(code.LastIndexOf("NetlinkAttributeSet", StringComparison.Ordinal), duplicate.Location.SourceSpan.Start);

        (int sets, int generated) = await ParityCheck.VerifyAsync(code);
        Assert.Equal((1, 0), (sets, generated));
    }

    [Fact]
    public Task PN1030_is_reported_on_each_control_message_type() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        [NetlinkMessage(NetlinkProtocol.Route, 16, [|3|], 17, [|15|])]
        public sealed partial class LinkMessage
        {
        }

        [NetlinkAttributeSet]
        [NetlinkMessage(NetlinkProtocol.Generic, 16)]
        public sealed partial class Control
        {
        }
        """, "PN1030");

    [Fact]
    public Task PN1032_is_reported_on_an_indexed_array_that_is_not_a_list_or_is_also_repeated() => DiagnosticVerifier.VerifyAsync("""
        [NetlinkAttributeSet]
        public sealed partial class Family
        {
            [NetlinkAttribute(6, [|IndexedArray = true|])]
            public uint Operations { get; set; }

            [NetlinkAttribute(7, Repeated = true, [|IndexedArray = true|])]
            public List<uint> Groups { get; set; } = [];

            [NetlinkAttribute(8, IndexedArray = true)]
            public List<uint> Ports { get; set; } = [];

            [NetlinkAttribute(9, IndexedArray = true)]
            public {|PN1006:List<bool>|} Flags { get; set; } = [];
        }
        """, "PN1032");

    [Fact]
    public Task PN1033_is_reported_on_members_that_are_obsolete_as_errors_and_not_on_warnings() => DiagnosticVerifier.VerifyAsync("""
        [Obsolete("gone", true)]
        public enum OldKind : byte { A = 1 }

        [NetlinkAttributeSet]
        public sealed partial class Link
        {
            [Obsolete("Use Mtu", error: true)]
            [NetlinkAttribute(4)]
            public uint? [|OldMtu|] { get; set; }

            [Obsolete("Use Kinds2", error: true)]
            [NetlinkAttribute(5, Repeated = true)]
            public List<OldKind> [|Kinds|] { get; set; } = [];

            [Obsolete("Use Mtu")]
            [NetlinkAttribute(6)]
            public uint? Warned { get; set; }
        }
        """, "PN1033");

    [Fact]
    public Task PN1031_is_reported_where_a_set_uses_a_set_with_errors() => DiagnosticVerifier.VerifyAsync("""
        public enum Kind { A = 1 }

        public interface IData { }

        [NetlinkAttributeSet]
        public sealed partial class Inner : IData
        {
            [NetlinkAttribute(1)]
            public {|PN1024:Kind|} Kind { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class Outer
        {
            [NetlinkAttribute(1)]
            public [|Inner?|] Inner { get; set; }

            [NetlinkAttribute(2, Repeated = true)]
            public [|List<Inner>|] Inners { get; set; } = [];

            [NetlinkAttribute(3)]
            public string? Type { get; set; }

            [NetlinkAttribute(4)]
            [NetlinkSubMessage(nameof(Type))]
            [NetlinkSubMessageCase("inner", [|typeof(Inner)|])]
            public IData? Data { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class Cycle
        {
            [NetlinkAttribute(1)]
            public Cycle? Self { get; set; }
        }
        """, "PN1031");
}
