using Microsoft.CodeAnalysis;
using Podnet.Cni.Generators.Tests.Support;
using Podnet.Testing;

namespace Podnet.Cni.Generators.Tests;

public sealed class GeneratorSnapshotTests
{
    private const string Sample = """
        {
          "x-csharp-type-name": "Sample",
          "description": "A schema using every supported construct.",
          "type": "object",
          "required": ["name", "count", "mode"],
          "additionalProperties": false,
          "properties": {
            "name": { "type": "string" },
            "count": { "type": "integer", "minimum": 1, "maximum": 10 },
            "big": { "type": "integer", "format": "int64" },
            "ratio": { "type": "number" },
            "mode": { "enum": ["fast", "slow-mode"] },
            "labels": { "type": "object", "additionalProperties": { "type": "string" } },
            "grid": { "type": "array", "items": { "type": "array", "items": { "$ref": "#/$defs/cell" } } },
            "blob": {}
          },
          "$defs": {
            "cell": {
              "x-csharp-type-name": "SampleCell",
              "type": "object",
              "properties": { "on": { "type": "boolean" } }
            }
          }
        }
        """;

    /// <summary>
    /// The generator over the real schema files, run and compiled once for the tests below, which assert different
    /// things on the same output (the generator is deterministic; <see cref="CacheabilityTests"/> runs it afresh).
    /// </summary>
    private static readonly Lazy<(GeneratorDriverRunResult Result, System.Collections.Immutable.ImmutableArray<Diagnostic> CompileDiagnostics)> s_real =
        new(() => GeneratorHarness.Run(SchemaFiles.Real(), "Podnet.Cni.Schema"));

    [Fact]
    public void Real_specs_generate_code_that_compiles_without_warnings()
    {
        (GeneratorDriverRunResult result, var diagnostics) = s_real.Value;

        Assert.Empty(result.Diagnostics);
        Assert.Empty(diagnostics);
        string[] hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("NetworkConfigurationList.g.cs", hints);
        Assert.Contains("PluginConfiguration.g.cs", hints);
        Assert.Contains("SuccessResult.g.cs", hints);
        Assert.Contains("ErrorResult.g.cs", hints);
        Assert.Contains("VersionResult.g.cs", hints);
        Assert.Contains("HostLocalIpamConfiguration.g.cs", hints);
        Assert.Contains("BridgeConfiguration.g.cs", hints);
        Assert.Contains("ClusterDescription.g.cs", hints);
    }

    [Theory]
    [InlineData("HostLocalIpamConfiguration.g.cs")]
    [InlineData("PluginConfiguration.g.cs")]
    [InlineData("IpMasqBackend.g.cs")]
    [InlineData("IpMasqBackendJson.g.cs")]
    [InlineData("CniDecodeException.g.cs")]
    [InlineData("CniJsonReading.g.cs")]
    [InlineData("CniJsonWriting.g.cs")]
    public void Real_spec_output_matches_snapshot(string hintName)
    {
        (GeneratorDriverRunResult result, _) = s_real.Value;

        SnapshotVerifier.Verify(GeneratorHarness.Source(result, hintName), hintName.Replace(".g.cs", string.Empty, StringComparison.Ordinal));
    }

    private const string FormatSample = """
        {
          "x-csharp-type-name": "FormatSample",
          "description": "Every mapped string format, required and optional, alone and in arrays; stated error messages.",
          "type": "object",
          "required": ["subnet"],
          "properties": {
            "subnet": { "type": "string", "format": "cidr" },
            "gateway": { "type": "string", "format": "ip" },
            "mac": { "type": "string", "format": "mac" },
            "dataDir": { "type": "string", "format": "path" },
            "servers": { "type": "array", "items": { "type": "string", "format": "ip" } },
            "note": { "type": "string", "format": "ipv4" },
            "port": { "type": "integer", "minimum": 1, "maximum": 65535, "errorMessage": "invalid port {value}: must be between {minimum} and {maximum}" },
            "hops": { "type": "array", "items": { "type": "string", "format": "ip", "errorMessage": "{reason} among the hops" } },
            "level": { "enum": ["low", "high"], "x-csharp-type-name": "FormatLevel", "errorMessage": "level {value} is neither low nor high" }
          }
        }
        """;

    [Fact]
    public void Mapped_formats_generate_typed_members_matching_snapshot()
    {
        (GeneratorDriverRunResult result, var diagnostics) = GeneratorHarness.Run([new InMemoryAdditionalText("/s/format-sample.schema.json", FormatSample)]);

        Assert.Empty(diagnostics);
        SnapshotVerifier.Verify(GeneratorHarness.Source(result, "FormatSample.g.cs"), "FormatSample");
    }

    [Fact]
    public void Every_construct_generates_compiling_code_matching_snapshot()
    {
        (GeneratorDriverRunResult result, var diagnostics) = GeneratorHarness.Run([new InMemoryAdditionalText("/s/sample.schema.json", Sample)]);

        Assert.Empty(diagnostics);
        SnapshotVerifier.Verify(GeneratorHarness.Source(result, "Sample.g.cs"), "Sample");
        SnapshotVerifier.Verify(GeneratorHarness.Source(result, "SampleMode.g.cs"), "SampleMode");
    }

    [Fact]
    public void Namespace_defaults_to_Podnet_Cni_and_follows_the_property()
    {
        var files = new[] { new InMemoryAdditionalText("/s/sample.schema.json", Sample) };

        Assert.Contains("namespace Podnet.Cni;", GeneratorHarness.Source(GeneratorHarness.Run(files).Result, "Sample.g.cs"), StringComparison.Ordinal);
        Assert.Contains("namespace My.Wire;", GeneratorHarness.Source(GeneratorHarness.Run(files, "My.Wire").Result, "Sample.g.cs"), StringComparison.Ordinal);
        Assert.Contains("namespace Podnet.Cni;", GeneratorHarness.Source(GeneratorHarness.Run(files, "not a namespace").Result, "Sample.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_schema_is_skipped_silently_and_dependents_too()
    {
        var files = new[]
        {
            new InMemoryAdditionalText("/s/good.schema.json", """{"x-csharp-type-name":"Good","type":"object","properties":{"a":{"type":"string"}}}"""),
            new InMemoryAdditionalText("/s/bad.schema.json", """{"x-csharp-type-name":"Bad","type":"object","properties":{"a":{"oneOf":[]}}}"""),
            new InMemoryAdditionalText("/s/user.schema.json", """{"x-csharp-type-name":"User","type":"object","properties":{"b":{"$ref":"bad.schema.json"}}}"""),
        };

        (GeneratorDriverRunResult result, var diagnostics) = GeneratorHarness.Run(files);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(diagnostics);
        string[] hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("Good.g.cs", hints);
        Assert.DoesNotContain("Bad.g.cs", hints);
        Assert.DoesNotContain("User.g.cs", hints);
    }
}
