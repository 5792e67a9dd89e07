using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Tests.Generation;

/// <summary>Invalid declarations are skipped without diagnostics from the generator (the analyzers report them).</summary>
public sealed class SkippedInputTests
{
    [Theory]
    [InlineData("[NetlinkAttributeSet] public sealed class NotPartial { [NetlinkAttribute(1)] public int? A { get; set; } }")]
    [InlineData("[NetlinkAttributeSet] public abstract partial class Abstract { }")]
    [InlineData("[NetlinkAttributeSet] public partial class Generic<T> { }")]
    [InlineData("[NetlinkAttributeSet] public partial class NoDefaultConstructor { public NoDefaultConstructor(int x) { } }")]
    [InlineData("public class Outer { [NetlinkAttributeSet] public partial class InNonPartial { } }")]
    [InlineData("public struct H { public string S; } [NetlinkAttributeSet] public partial class ManagedHeader { [NetlinkHeader] public H Header { get; set; } }")]
    [InlineData("[NetlinkAttributeSet] public partial class TwoHeaders { [NetlinkHeader] public int A { get; set; } [NetlinkHeader] public int B { get; set; } }")]
    [InlineData("public enum Proto { Static = 4 } public struct RtMsg { public byte Family; public Proto Protocol; } [NetlinkAttributeSet] public partial class WideHeaderEnum { [NetlinkHeader] public RtMsg Header { get; set; } }")]
    [InlineData("public enum State { Up = 6 } [NetlinkAttributeSet] public partial class WideAttributeEnum { [NetlinkAttribute(16)] public State? State { get; set; } }")]
    [InlineData("[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)] public struct H { public byte A; public int B; } [NetlinkAttributeSet] public partial class AutoLayout { [NetlinkHeader] public H Header { get; set; } }")]
    [InlineData("[NetlinkAttributeSet] [NetlinkMessage(NetlinkProtocol.Route, 3)] public partial class ControlType { }")]
    [InlineData("[NetlinkAttributeSet] public partial record RecordSet { }")]
    [InlineData("[NetlinkAttributeSet] public partial class Reserved { [NetlinkAttribute(1)] public byte[]? UnknownAttributes { get; set; } }")]
    [InlineData("[NetlinkAttributeSet] public partial class ReservedRead { [NetlinkAttribute(1)] public int Read { get; set; } }")]
    [InlineData("[NetlinkAttributeSet] public partial class ReservedWrite { public void Write() { } }")]
    [InlineData("[NetlinkAttributeSet] file partial class FileLocal { [NetlinkAttribute(1)] public int A { get; set; } }")]
    [InlineData("[NetlinkAttributeSet] public partial class TwoParts { [NetlinkAttribute(1)] public int A { get; set; } } [NetlinkAttributeSet] public partial class TwoParts { }")]
    public async Task Invalid_set_generates_nothing_and_reports_nothing(string declaration)
    {
        string source = "using System.Collections.Generic;\nusing Podnet.Netlink;\nnamespace Example;\n" + declaration;

        (_, GeneratorRunResult result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedSources);
        Assert.Equal(0, (await Parity.ParityCheck.VerifyAsync(source)).Generated);
    }

    [Theory]
    [InlineData("[NetlinkAttribute(0)] public int? Zero { get; set; }")]
    [InlineData("[NetlinkAttribute(0x4000)] public int? FlagBits { get; set; }")]
    [InlineData("[NetlinkAttribute(1)] public int? Duplicate { get; set; }")]
    [InlineData("[NetlinkAttribute(5)] public object? Unsupported { get; set; }")]
    [InlineData("[NetlinkAttribute(5)] public System.Text.StringBuilder? NotASet { get; set; }")]
    [InlineData("[NetlinkAttribute(5, Repeated = true)] public int[]? NotAList { get; set; }")]
    [InlineData("[NetlinkAttribute(5)] public List<int>? NotRepeated { get; set; }")]
    [InlineData("[NetlinkAttribute(5)] public int? ReadOnly { get; }")]
    [InlineData("[NetlinkAttribute(5)] public int? InitOnly { get; init; }")]
    [InlineData("[NetlinkAttribute(5)] public bool? NullableFlag { get; set; }")]
    [InlineData("[NetlinkAttribute(5)][NetlinkSubMessage(\"Missing\")][NetlinkSubMessageCase(\"x\", typeof(Valid))] public object? NoSelector { get; set; }")]
    [InlineData("[NetlinkAttribute(5)][NetlinkSubMessage(nameof(A))][NetlinkSubMessageCase(\"x\", typeof(Valid))] public object? IntSelector { get; set; }")]
    [InlineData("[NetlinkAttribute(5)][NetlinkSubMessage(nameof(S))] public object? NoCases { get; set; }")]
    [InlineData("[NetlinkAttribute(5)][NetlinkSubMessage(nameof(S))][NetlinkSubMessageCase(\"x\", typeof(string))] public object? CaseNotASet { get; set; }")]
    public async Task Invalid_member_keeps_the_whole_set_from_generating(string member)
    {
        // An error anywhere in a set means no generated code at all (the analyzer reports the error), so "no error
        // diagnostic" and "code is generated" always agree; the parity test checks this on random declarations.
        string source = $$"""
            using System.Collections.Generic;
            using Podnet.Netlink;
            namespace Example;
            [NetlinkAttributeSet]
            public sealed partial class Valid
            {
                [NetlinkAttribute(1)] public int? A { get; set; }
                [NetlinkAttribute(2)] public string? S { get; set; }
            }

            [NetlinkAttributeSet]
            public sealed partial class Invalid
            {
                [NetlinkAttribute(1)] public int? A { get; set; }
                [NetlinkAttribute(2)] public string? S { get; set; }
                {{member}}
            }
            """;

        (Compilation output, GeneratorRunResult result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Example.Valid.Netlink.g.cs", Assert.Single(result.GeneratedSources).HintName);
        Assert.Equal((2, 1), await Parity.ParityCheck.VerifyAsync(source));
        Assert.DoesNotContain(output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Byte_order_on_a_non_integer_is_ignored_and_the_member_is_kept()
    {
        // PN1017 is a warning, so the member must not disappear: the byte order simply has no meaning for a string.
        string source = """
            using Podnet.Netlink;
            namespace Example;
            [NetlinkAttributeSet]
            public sealed partial class Valid
            {
                [NetlinkAttribute(1)] public int? A { get; set; }
                [NetlinkAttribute(5, ByteOrder = NetlinkByteOrder.BigEndian)] public string? BigString { get; set; }
            }
            """;

        (Compilation output, GeneratorRunResult result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        Assert.Empty(result.Diagnostics);
        string generated = Assert.Single(result.GeneratedSources).SourceText.ToString();
        Assert.Contains("case 5:", generated, StringComparison.Ordinal);
        Assert.Contains("writer.WriteString(5, ", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Severity == DiagnosticSeverity.Error);
    }
}
