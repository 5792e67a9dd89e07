using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

public sealed class SeverityConfigurationTests
{
    private const string TwoNonPartialSets = """
        #pragma warning disable PN1001
        [NetlinkAttributeSet]
        public class Suppressed
        {
        }
        #pragma warning restore PN1001

        [NetlinkAttributeSet]
        public class Reported
        {
            [NetlinkAttribute(1)]
            public uint Mtu { get; set; }

            [NetlinkAttribute(1)]
            public uint Group { get; set; }

            [NetlinkAttribute(2, ByteOrder = NetlinkByteOrder.BigEndian)]
            public string? Name { get; set; }
        }
        """;

    [Fact]
    public async Task Pragma_warning_disable_suppresses_only_the_enclosed_diagnostic()
    {
        var diagnostics = await NetlinkTestCompilation.AnalyzeAsync(TwoNonPartialSets);
        Diagnostic partial = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "PN1001");
        Assert.Contains("'Reported'", partial.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editorconfig_severity_none_suppresses_and_warning_downgrades()
    {
        var severities = new AnalyzerConfigSeverities(("/src/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.PN1001.severity = none
            dotnet_diagnostic.PN1004.severity = warning
            """));
        var diagnostics = await NetlinkTestCompilation.AnalyzeAsync(
            TwoNonPartialSets,
            NetlinkTestCompilation.CompilationOptions.WithSyntaxTreeOptionsProvider(severities));

        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "PN1001");
        Diagnostic duplicate = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "PN1004");
        Assert.Equal(DiagnosticSeverity.Warning, duplicate.Severity);
        Diagnostic byteOrder = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "PN1017");
        Assert.Equal(DiagnosticSeverity.Warning, byteOrder.Severity);
    }

    [Fact]
    public async Task Globalconfig_severity_error_upgrades_a_warning()
    {
        var severities = new AnalyzerConfigSeverities(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.PN1017.severity = error
            """));
        var diagnostics = await NetlinkTestCompilation.AnalyzeAsync(
            TwoNonPartialSets,
            NetlinkTestCompilation.CompilationOptions.WithSyntaxTreeOptionsProvider(severities));

        Diagnostic byteOrder = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "PN1017");
        Assert.Equal(DiagnosticSeverity.Error, byteOrder.Severity);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, diagnostic => diagnostic.Id == "PN1004").Severity);
    }
}
