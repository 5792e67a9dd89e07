using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Podnet.Cni.Generators.Diagnostics;
using Podnet.Cni.Generators.Tests.Support;

namespace Podnet.Cni.Generators.Tests;

public sealed class DiagnosticTests
{
    public static TheoryData<string, string, int> BadSchemas => new()
    {
        // schema text (line numbers are 1-based), expected id, expected line
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\" },,\n  }\n}", "PN2001", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"date\" }\n  }\n}", "PN2002", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": [\"string\", \"null\"] }\n  }\n}", "PN2002", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/$defs/missing\" }\n  }\n}", "PN2003", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"other.schema.json#/$defs/x\" }\n  }\n}", "PN2003", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/definitions/x\" }\n  }\n}", "PN2003", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {\n      \"oneOf\": [ { \"type\": \"string\" } ]\n    }\n  }\n}", "PN2004", 5 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\", \"pattern\": \"^x\" }\n  }\n}", "PN2004", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"enum\": [\"x\",\n      1] }\n  }\n}", "PN2005", 5 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"integer\", \"enum\": [\"1\"] }\n  }\n}", "PN2005", 4 },
        { "{\n  \"x-csharp-type-name\": \"Thing\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"x-csharp-type-name\": \"Thing\", \"type\": \"object\", \"properties\": {} }\n  }\n}", "PN2006", 5 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a-b\": { \"type\": \"string\" },\n    \"aB\": { \"type\": \"string\" }\n  }\n}", "PN2006", 5 },
        { "{\n  \"x-csharp-type-name\": \"class\",\n  \"type\": \"object\"\n}", "PN2007", 2 },
        { "{\n  \"type\": \"object\",\n  \"required\": [\"a\",\n    \"b\"],\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}", "PN2008", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"integer\", \"minimum\": \"0\" }\n  }\n}", "PN2009", 4 },
        // errorMessage: only where decoding checks a value, a non-empty string, known placeholders only.
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\",\n      \"errorMessage\": \"bad {value}\" }\n  }\n}", "PN2009", 5 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"integer\", \"minimum\": 1, \"errorMessage\": 5 }\n  }\n}", "PN2009", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"integer\", \"minimum\": 1, \"errorMessage\": \"{reason}\" }\n  }\n}", "PN2009", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"integer\", \"minimum\": 1, \"errorMessage\": \"below {maximum}\" }\n  }\n}", "PN2009", 4 },
        { "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\", \"format\": \"ip\", \"errorMessage\": \"{reason} in {member}\" }\n  }\n}", "PN2009", 4 },
    };

    [Theory]
    [MemberData(nameof(BadSchemas))]
    public async Task Bad_schema_reports_the_diagnostic_at_its_line(string schema, string id, int line)
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync([new InMemoryAdditionalText("/s/bad.schema.json", schema)]);

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/s/bad.schema.json", span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_type_name_across_files_is_reported_in_the_later_file()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(
        [
            new InMemoryAdditionalText("/s/a.schema.json", "{\"x-csharp-type-name\": \"Same\", \"type\": \"object\"}"),
            new InMemoryAdditionalText("/s/b.schema.json", "{\n\"x-csharp-type-name\": \"Same\", \"type\": \"object\"}"),
        ]);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PN2006", diagnostic.Id);
        Assert.Equal("/s/b.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("{\"x-csharp-type-name\": \"Mode\", \"enum\": [\"a\", \"b\"]}", "{\"x-csharp-type-name\": \"ModeJson\", \"type\": \"object\"}", true, "Mode,ModeJson(enum helper)")]
    [InlineData("{\"x-csharp-type-name\": \"ModeJson\", \"type\": \"object\"}", "{\"x-csharp-type-name\": \"Mode\", \"enum\": [\"a\", \"b\"]}", true, "ModeJson")]
    [InlineData("{\"x-csharp-type-name\": \"Mode\", \"type\": \"object\"}", "{\"x-csharp-type-name\": \"ModeJson\", \"type\": \"object\"}", false, "Mode,ModeJson")]
    public async Task Analyzer_and_generator_agree_on_type_name_clashes_across_files(string first, string second, bool clash, string generated)
    {
        // An enum also declares <Name>Json, a class only its name: one rule (TypeNameRegistry) for both sides.
        AdditionalText[] files = [new InMemoryAdditionalText("/s/a.schema.json", first), new InMemoryAdditionalText("/s/b.schema.json", second)];

        var diagnostics = await GeneratorHarness.AnalyzeAsync(files);
        (GeneratorDriverRunResult result, ImmutableArray<Diagnostic> compile) = GeneratorHarness.Run(files);
        string[] hints =
        [
            .. result.Results.Single().GeneratedSources
                .Where(s => s.HintName.StartsWith("Mode", StringComparison.Ordinal))
                .Select(s => s.HintName[..^".g.cs".Length] + (s.SourceText.ToString().Contains("public static class ModeJson", StringComparison.Ordinal) ? "(enum helper)" : ""))
                .Order(StringComparer.Ordinal),
        ];

        Assert.Equal(clash, diagnostics.Any(d => d.Id == "PN2006" && d.Location.GetLineSpan().Path == "/s/b.schema.json"));
        Assert.Empty(compile);
        Assert.Equal(generated, string.Join(",", hints));
    }

    [Fact]
    public async Task Cross_file_reference_to_an_existing_definition_is_fine()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(
        [
            new InMemoryAdditionalText("/s/a.schema.json", "{\"$defs\": {\"x\": {\"x-csharp-type-name\": \"X\", \"type\": \"object\"}}}"),
            new InMemoryAdditionalText("/s/b.schema.json", "{\"x-csharp-type-name\": \"B\", \"properties\": {\"x\": {\"$ref\": \"a.schema.json#/$defs/x\"}}}"),
        ]);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("ip", "Podnet.Cni.IpAddressText")]
    [InlineData("cidr", "Podnet.Cni.IpCidr")]
    [InlineData("mac", "Podnet.Netlink.MacAddress")]
    public async Task A_format_whose_type_is_missing_is_reported_at_the_format_and_the_file_is_skipped(string format, string missingType)
    {
        string schema = "{\n  \"x-csharp-type-name\": \"Typed\",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\",\n      \"format\": \"" + format + "\" }\n  }\n}";
        InMemoryAdditionalText file = new("/s/typed.schema.json", schema);

        Diagnostic diagnostic = Assert.Single(await GeneratorHarness.AnalyzeAsync([file], mappedTypes: false));
        Assert.Equal("PN2010", diagnostic.Id);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'" + missingType + "'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(await GeneratorHarness.AnalyzeAsync([file]));

        // The generator skips the file rather than emit code that cannot compile; with the types it emits it.
        (GeneratorDriverRunResult bare, var bareDiagnostics) = GeneratorHarness.Run([file], mappedTypes: false);
        Assert.DoesNotContain(bare.Results.Single().GeneratedSources, s => s.HintName == "Typed.g.cs");
        Assert.Empty(bareDiagnostics);
        (GeneratorDriverRunResult typed, var typedDiagnostics) = GeneratorHarness.Run([file]);
        Assert.Contains(typed.Results.Single().GeneratedSources, s => s.HintName == "Typed.g.cs");
        Assert.Empty(typedDiagnostics);
    }

    [Fact]
    public async Task Path_and_informational_formats_need_no_type()
    {
        InMemoryAdditionalText file = new("/s/plain.schema.json",
            "{\"type\": \"object\", \"properties\": {\"p\": {\"type\": \"string\", \"format\": \"path\"}, \"v\": {\"type\": \"string\", \"format\": \"ipv4\"}}}");

        Assert.Empty(await GeneratorHarness.AnalyzeAsync([file], mappedTypes: false));
        (GeneratorDriverRunResult result, var diagnostics) = GeneratorHarness.Run([file], mappedTypes: false);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "Plain.g.cs");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Real_specs_are_clean()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(SchemaFiles.Real());

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Files_that_are_not_schemas_are_ignored()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync([new InMemoryAdditionalText("/s/app.json", "{ not json")]);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Catalog_has_a_documented_descriptor_per_id()
    {
        string docs = Path.Combine(SchemaFiles.Directory(), "..", "..", "docs", "diagnostics");
        Assert.True(DiagnosticDescriptors.ById.Count >= 5);
        foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.ById.Values)
        {
            Assert.StartsWith("PN2", descriptor.Id, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(docs, descriptor.Id + ".md")), "missing docs page for " + descriptor.Id);
        }
    }
}
