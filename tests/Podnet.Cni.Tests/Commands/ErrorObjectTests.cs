using System.Text.Json;
using Podnet.Cni.Tests.Commands.Support;
using Podnet.Cni.Tests.Ipam.Support;
using Podnet.Testing.Json;

namespace Podnet.Cni.Tests.Commands;

/// <summary>The error object <c>{cniVersion, code, msg, details?}</c> and exit code 1.</summary>
public sealed class ErrorObjectTests
{
    public static TheoryData<string, string> CommandsAndVersions() => new()
    {
        { "ADD", "0.3.0" },
        { "ADD", "0.4.0" },
        { "ADD", "1.0.0" },
        { "DEL", "0.3.1" },
        { "DEL", "1.1.0" },
        { "CHECK", "0.4.0" },
        { "CHECK", "1.0.0" },
        { "STATUS", "1.1.0" },
        { "GC", "1.1.0" },
    };

    [Theory]
    [MemberData(nameof(CommandsAndVersions))]
    public void A_cni_exception_becomes_the_error_object_in_the_config_version(string command, string version)
    {
        var plugin = new RecordingPlugin { Failure = new CniException(CniErrorCode.LimitedConnectivity, "range exhausted", "10.1.0.0/24 has no free address") };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For(command), NetworkConfigs.Minimal(version));

        JsonElement error = outcome.AssertError(CniErrorCode.LimitedConnectivity);
        Assert.Equal(["cniVersion", "code", "details", "msg"], JsonShape.Keys(error).Order(StringComparer.Ordinal));
        Assert.Equal(version, error.GetProperty("cniVersion").GetString());
        Assert.Equal("range exhausted", error.GetProperty("msg").GetString());
        Assert.Equal("10.1.0.0/24 has no free address", error.GetProperty("details").GetString());
        Assert.Single(plugin.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Details_are_left_out_when_there_are_none(string? details)
    {
        var plugin = new RecordingPlugin { Failure = new CniException(CniErrorCode.UnknownContainer, "no such container", details) };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("DEL"), NetworkConfigs.Minimal("1.0.0"));

        JsonElement error = outcome.AssertError(CniErrorCode.UnknownContainer);
        Assert.Equal(["cniVersion", "code", "msg"], JsonShape.Keys(error));
    }

    [Theory]
    [InlineData("ADD")]
    [InlineData("DEL")]
    [InlineData("GC")]
    public void Any_other_exception_is_code_999_with_its_message(string command)
    {
        var plugin = new RecordingPlugin { Failure = new InvalidOperationException("the bridge vanished") };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For(command), NetworkConfigs.Minimal("1.1.0"));

        JsonElement error = outcome.AssertError(CniErrorCode.Internal);
        Assert.Equal("the bridge vanished", outcome.Message);
        Assert.Equal("1.1.0", error.GetProperty("cniVersion").GetString());
        // Never an exception type name: a sentence, with the exception itself on stderr.
        Assert.Equal(CniPluginHost.InternalErrorDetails, error.GetProperty("details").GetString());
        Assert.DoesNotContain(nameof(InvalidOperationException), error.GetProperty("details").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_from_writing_the_result_is_code_999()
    {
        var plugin = new RecordingPlugin { Result = new ThrowingResult() };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), NetworkConfigs.Minimal("1.0.0"));

        // stdout holds the error object alone, not a half-written result followed by it.
        outcome.AssertError(CniErrorCode.Internal);
        Assert.Equal("cannot write", outcome.Message);
    }

    [Theory]
    [InlineData("9.9.9")]
    [InlineData("0.1.0")]
    [InlineData("0.2.0")]
    [InlineData("")]
    public void An_unsupported_version_is_code_1_written_in_the_latest_version(string version)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), NetworkConfigs.Minimal(version));

        JsonElement error = outcome.AssertError(CniErrorCode.IncompatibleVersion);
        Assert.Equal("incompatible CNI versions", outcome.Message);
        Assert.Equal(CniVersion.Latest, error.GetProperty("cniVersion").GetString());
        Assert.Contains($"config is \"{version}\"", error.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Empty(plugin.Calls);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("abc")]
    [InlineData("1.0.0.0")]
    [InlineData("v1.0.0")]
    [InlineData("1.-1.0")]
    public void A_version_that_is_not_N_N_N_is_a_decode_error(string version)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), NetworkConfigs.Minimal(version));

        JsonElement error = outcome.AssertError(CniErrorCode.DecodingFailure);
        Assert.Equal($"invalid version \"{version}\": the version must be of the form N.N.N", outcome.Message);
        Assert.Equal(CniVersion.Latest, error.GetProperty("cniVersion").GetString());
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public void A_config_without_cni_version_is_incompatible_as_in_libcni()
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("ADD"), """{"name":"n","type":"recording"}""");
        outcome.AssertError(CniErrorCode.IncompatibleVersion);
    }

    [Theory]
    [InlineData("""{"cniVersion":"1.0.0","name":"n" """)]
    [InlineData("""{"cniVersion":"1.0.0","name":"n"}x""")]
    [InlineData("""{"cniVersion":"1.0.0","name":"n"}{}""")]
    [InlineData("[]")]
    [InlineData("\"config\"")]
    [InlineData("")]
    [InlineData("""{"cniVersion":1,"name":"n"}""")]
    [InlineData("""{"cniVersion":"1.0.0","name":["n"]}""")]
    [InlineData("""{"cniVersion":"1.0.0","name":"n",/*c*/"type":"t"}""")]
    public void Malformed_json_is_code_6(string config)
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), config);

        outcome.AssertError(CniErrorCode.DecodingFailure);
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public void Error_text_is_written_without_unicode_escapes_of_quotes()
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("ADD"), NetworkConfigs.Minimal("9.9.9"));

        Assert.Contains("config is \\\"9.9.9\\\"", outcome.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_error_writes_the_schema_error_object()
    {
        using var stream = new MemoryStream();
        CniPluginHost.WriteError(stream, "0.4.0", 107, "custom", "more");

        using JsonDocument document = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("0.4.0", document.RootElement.GetProperty("cniVersion").GetString());
        Assert.Equal(107, document.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("custom", document.RootElement.GetProperty("msg").GetString());
        Assert.Equal("more", document.RootElement.GetProperty("details").GetString());
    }

    private sealed class ThrowingResult : ICniResult
    {
        public void WriteTo(Utf8JsonWriter writer, string cniVersion)
        {
            // Fail half-way, after some of the object has been written.
            writer.WriteStartObject();
            writer.WriteString("cniVersion", cniVersion);
            writer.Flush();
            throw new InvalidOperationException("cannot write");
        }
    }
}
