using System.Text;
using System.Text.Json;
using Podnet.Cni.Tests.Commands.Support;
using Podnet.Testing.Json;

namespace Podnet.Cni.Tests.Commands;

/// <summary>
/// The edges of the command loop that the corpus does not pin: version arithmetic, the stdin limit and read errors,
/// which version an error object is written in, how the request is filled in, and the internal-error shapes.
/// </summary>
public sealed class CommandLoopEdgeTests
{
    [Theory]
    [InlineData("0.1.0", "0.1.0", 0)]
    [InlineData("0.10.0", "0.9.0", 1)]
    [InlineData("0.9.0", "0.10.0", -1)]
    [InlineData("1.0.0", "0.4.0", 1)]
    [InlineData("", "0.1.0", 0)]
    [InlineData("", "0.0.9", 1)]
    [InlineData("0.3.1", "", 1)]
    public void Versions_compare_numerically_and_empty_is_0_1_0(string left, string right, int sign) =>
        Assert.Equal(sign, Math.Sign(CniVersion.Compare(left, right)));

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("1..0")]
    [InlineData("+1.0.0")]
    [InlineData(" 1.0.0")]
    [InlineData("1.0.x")]
    [InlineData("v1.0.0")]
    public void Anything_but_N_N_N_is_no_version(string version)
    {
        FormatException e = Assert.Throws<FormatException>(() => CniVersion.Compare(version, "0.1.0"));
        Assert.Equal($"invalid version \"{version}\": the version must be of the form N.N.N", e.Message);
        Assert.Throws<FormatException>(() => CniVersion.Compare("0.1.0", version));
    }

    [Fact]
    public void At_least_includes_the_minimum_itself()
    {
        Assert.True(CniVersion.AtLeast("0.4.0", "0.4.0"));
        Assert.True(CniVersion.AtLeast("1.0.0", "0.4.0"));
        Assert.False(CniVersion.AtLeast("0.3.1", "0.4.0"));
        Assert.True(CniVersion.IsSupported("1.1.0"));
        Assert.False(CniVersion.IsSupported("1.1.1"));
        Assert.False(CniVersion.IsSupported(""));
    }

    [Fact]
    public void A_config_up_to_16_MiB_is_read_and_one_byte_more_is_code_5()
    {
        const int limit = 16 * 1024 * 1024;
        string config = NetworkConfigs.Minimal("1.0.0");
        string largest = config + new string(' ', limit - Encoding.UTF8.GetByteCount(config));
        var plugin = new RecordingPlugin();
        HostOutcome fits = InProcessHost.Run(plugin, CniEnvironment.For("DEL"), largest);
        Assert.True(fits.ExitCode == 0, fits.StandardOutput);
        Assert.Equal(limit, Assert.Single(plugin.Calls).Config.Length);

        HostOutcome tooLarge = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("DEL"), largest + " ");
        tooLarge.AssertError(CniErrorCode.IOFailure);
        Assert.Equal("error reading from stdin: configuration larger than 16 MiB", tooLarge.Message);
    }

    [Fact]
    public void A_config_that_arrives_in_many_small_reads_is_read_whole()
    {
        var plugin = new RecordingPlugin();
        byte[] config = Encoding.UTF8.GetBytes(NetworkConfigs.Minimal("1.0.0") + new string(' ', 40000));
        using var stdin = new TrickleStream(config, 7);
        using var stdout = new MemoryStream();
        Assert.Equal(0, CniPluginHost.Run(plugin, CniEnvironment.For("DEL"), stdin, stdout, TextWriter.Null));
        Assert.Equal(config, Assert.Single(plugin.Calls).Config.ToArray());
    }

    [Fact]
    public void A_failing_stdin_is_code_5_with_the_reason()
    {
        using var stdin = new FailingStream();
        using var stdout = new MemoryStream();
        var plugin = new RecordingPlugin();
        Assert.Equal(1, CniPluginHost.Run(plugin, CniEnvironment.For("ADD"), stdin, stdout, TextWriter.Null));
        var outcome = new HostOutcome(1, Encoding.UTF8.GetString(stdout.ToArray()), string.Empty);
        outcome.AssertError(CniErrorCode.IOFailure);
        Assert.Equal("error reading from stdin: pipe broke", outcome.Message);
        Assert.Empty(plugin.Calls);
    }

    [Theory]
    [InlineData("0.3.1", "0.3.1", CniErrorCode.TryAgainLater)]
    [InlineData("1.0.0", "1.0.0", CniErrorCode.TryAgainLater)]
    [InlineData("9.9.9", CniVersion.Latest, CniErrorCode.IncompatibleVersion)]
    [InlineData("nonsense", CniVersion.Latest, CniErrorCode.DecodingFailure)]
    public void A_plugin_error_is_written_in_the_config_version_when_it_is_supported(string version, string expected, int code)
    {
        var plugin = new RecordingPlugin { Failure = new CniException(CniErrorCode.TryAgainLater, "later", "busy") };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("DEL"), NetworkConfigs.Minimal(version));

        JsonElement error = outcome.AssertError(code);
        Assert.Equal(expected, error.GetProperty("cniVersion").GetString());
    }

    [Fact]
    public void The_request_carries_the_environment_and_the_config_as_given()
    {
        var plugin = new RecordingPlugin();
        Dictionary<string, string> environment = CniEnvironment.With("ADD", "CNI_PATH", "/a::/b:");
        environment["CNI_ARGS"] = "K8S_POD_NAME=p;IgnoreUnknown=1";
        string config = """{"cniVersion":"1.0.0","name":"net","type":"podnet","x":{"cniVersion":"0.1.0"}}""";
        HostOutcome outcome = InProcessHost.Run(plugin, environment, config);

        Assert.Equal(0, outcome.ExitCode);
        CniRequest request = Assert.Single(plugin.Calls);
        Assert.Equal(CniCommand.Add, request.Command);
        Assert.Equal(["/a", "/b"], request.Path);
        Assert.Equal(CniEnvironment.ContainerId, request.ContainerId);
        Assert.Equal(CniEnvironment.Netns, request.Netns);
        Assert.Equal(CniEnvironment.InterfaceName, request.InterfaceName);
        Assert.Equal("p", request.Args.Get("K8S_POD_NAME"));
        Assert.True(request.Args.IgnoreUnknown);
        Assert.Equal("1.0.0", request.CniVersion);
        Assert.Equal("net", request.NetworkName);
        Assert.Equal("podnet", request.PluginType);
        Assert.Equal(config, Encoding.UTF8.GetString(request.Config.Span));
        Assert.Same(environment, request.Environment);
    }

    [Fact]
    public void A_config_without_type_gives_an_empty_plugin_type()
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("DEL"), """{"cniVersion":"1.0.0","name":"net","type":null}""");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(string.Empty, Assert.Single(plugin.Calls).PluginType);
    }

    [Theory]
    [InlineData("STATUS")]
    [InlineData("GC")]
    public void Node_commands_do_not_validate_container_id_or_interface_name(string command)
    {
        var plugin = new RecordingPlugin();
        Dictionary<string, string> environment = CniEnvironment.With(command, "CNI_CONTAINERID", "not/valid");
        environment["CNI_IFNAME"] = "not/valid either";
        HostOutcome outcome = InProcessHost.Run(plugin, environment, NetworkConfigs.Minimal("1.1.0"));

        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        Assert.Equal(command == "STATUS" ? CniCommand.Status : CniCommand.Gc, Assert.Single(plugin.Calls).Command);
    }

    [Theory]
    [InlineData("STATUS", "1.0.0")]
    [InlineData("GC", "0.4.0")]
    public void Node_commands_before_1_1_0_name_the_command_in_message_and_details(string command, string version)
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For(command), NetworkConfigs.Minimal(version));

        JsonElement error = outcome.AssertError(CniErrorCode.IncompatibleVersion);
        Assert.Equal($"config version does not allow {command}", outcome.Message);
        Assert.Equal($"config is \"{version}\"; {command} needs 1.1.0 or later", error.GetProperty("details").GetString());
    }

    [Fact]
    public void Check_before_0_4_0_is_refused_and_from_0_4_0_dispatched()
    {
        HostOutcome refused = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("CHECK"), NetworkConfigs.Minimal("0.3.1"));
        JsonElement error = refused.AssertError(CniErrorCode.IncompatibleVersion);
        Assert.Equal("config version does not allow CHECK", refused.Message);
        Assert.Equal("config is \"0.3.1\"", error.GetProperty("details").GetString());

        var plugin = new RecordingPlugin();
        Assert.Equal(0, InProcessHost.Run(plugin, CniEnvironment.For("CHECK"), NetworkConfigs.Minimal("0.4.0")).ExitCode);
        Assert.Equal(CniCommand.Check, Assert.Single(plugin.Calls).Command);
    }

    [Fact]
    public void An_unsupported_version_names_every_supported_one_in_the_details()
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("ADD"), NetworkConfigs.Minimal("0.2.0"));
        JsonElement error = outcome.AssertError(CniErrorCode.IncompatibleVersion);
        Assert.Equal("incompatible CNI versions", outcome.Message);
        Assert.Equal("config is \"0.2.0\", plugin supports [\"0.3.0\" \"0.3.1\" \"0.4.0\" \"1.0.0\" \"1.1.0\"]", error.GetProperty("details").GetString());
    }

    [Fact]
    public void Any_other_exception_is_code_999_with_a_sentence_as_details_and_the_trace_on_stderr()
    {
        var plugin = new RecordingPlugin { Failure = new InvalidOperationException("boom") };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("DEL"), NetworkConfigs.Minimal("1.0.0"));

        JsonElement error = outcome.AssertError(CniErrorCode.Internal);
        Assert.Equal("boom", outcome.Message);
        Assert.Equal(CniPluginHost.InternalErrorDetails, error.GetProperty("details").GetString());
        Assert.Contains("System.InvalidOperationException: boom", outcome.StandardError, StringComparison.Ordinal);
        Assert.Equal("1.0.0", error.GetProperty("cniVersion").GetString());
    }

    [Fact]
    public void Empty_details_are_left_out_of_the_error_object()
    {
        using var stdout = new MemoryStream();
        CniPluginHost.WriteError(stdout, "1.0.0", CniErrorCode.TryAgainLater, "later", string.Empty);
        using JsonDocument document = JsonDocument.Parse(stdout.ToArray());
        Assert.Equal(["cniVersion", "code", "msg"], JsonShape.Keys(document.RootElement));
        Assert.Throws<ArgumentNullException>(() => CniPluginHost.WriteError(null!, "1.0.0", 1, "m", null));
    }

    [Fact]
    public void The_host_refuses_a_null_plugin_or_environment()
    {
        using var stream = new MemoryStream();
        Assert.Equal("plugin", Assert.Throws<ArgumentNullException>(() => CniPluginHost.Run(null!, CniEnvironment.For("ADD"), stream, stream, TextWriter.Null)).ParamName);
        Assert.Equal("environment", Assert.Throws<ArgumentNullException>(() => CniPluginHost.Run(new RecordingPlugin(), null!, stream, stream, TextWriter.Null)).ParamName);
    }

    [Fact]
    public void The_exception_constructors_default_to_an_internal_error()
    {
        var plain = new CniException();
        Assert.Equal(CniErrorCode.Internal, plain.Code);
        Assert.Equal("internal error", plain.Message);
        Assert.Null(plain.Details);

        var withMessage = new CniException("broken");
        Assert.Equal(CniErrorCode.Internal, withMessage.Code);
        Assert.Equal("broken", withMessage.Message);

        var inner = new IOException("disk");
        var withInner = new CniException("broken", inner);
        Assert.Equal(CniErrorCode.Internal, withInner.Code);
        Assert.Same(inner, withInner.InnerException);
        Assert.Null(withInner.Details);

        var full = new CniException(CniErrorCode.IOFailure, "m", "d", inner);
        Assert.Equal((CniErrorCode.IOFailure, "m", "d"), (full.Code, full.Message, full.Details));
        Assert.Same(inner, full.InnerException);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_config_that_is_no_object_is_code_6(string config)
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("DEL"), config);
        outcome.AssertError(CniErrorCode.DecodingFailure);
        Assert.Equal("error decoding network config: the configuration must be a JSON object", outcome.Message);
    }

    [Theory]
    [InlineData("""{"cniVersion":1,"name":"n"}""", "cniVersion")]
    [InlineData("""{"cniVersion":"1.0.0","name":["n"]}""", "name")]
    [InlineData("""{"cniVersion":"1.0.0","name":"n","type":true}""", "type")]
    public void Header_keys_must_be_strings(string config, string key)
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("DEL"), config);
        outcome.AssertError(CniErrorCode.DecodingFailure);
        Assert.Equal($"error decoding network config: \"{key}\" must be a string", outcome.Message);
    }

    [Theory]
    [InlineData("""{"cniVersion":"1.0.0","name":"n"} x""")]
    [InlineData("""{"cniVersion":"1.0.0","name":"n"}{}""")]
    [InlineData("""{"cniVersion":"1.0.0",/*c*/"name":"n"}""")]
    [InlineData("""{"cniVersion":"1.0.0","name":"n",""")]
    public void Trailing_garbage_comments_and_truncation_are_code_6(string config)
    {
        HostOutcome outcome = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("DEL"), config);
        outcome.AssertError(CniErrorCode.DecodingFailure);
        Assert.StartsWith("error decoding network config: ", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_keys_after_nested_values_are_still_found()
    {
        var plugin = new RecordingPlugin();
        string config = """{"ipam":{"name":"inner","cniVersion":"0.1.0"},"cniVersion":"0.4.0","list":[{"type":"x"}],"name":"outer","type":"t"}""";
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("DEL"), config);
        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        CniRequest request = Assert.Single(plugin.Calls);
        Assert.Equal(("0.4.0", "outer", "t"), (request.CniVersion, request.NetworkName, request.PluginType));
    }

    [Fact]
    public void A_request_built_by_hand_has_empty_strings_not_nulls()
    {
        var request = new CniRequest { Command = CniCommand.Status };
        Assert.Equal(
            [string.Empty, string.Empty, string.Empty, string.Empty, string.Empty],
            [request.ContainerId, request.Netns, request.InterfaceName, request.NetworkName, request.PluginType]);
        Assert.Equal(CniVersion.Latest, request.CniVersion);
        Assert.Same(CniArgs.Empty, request.Args);
        Assert.Empty(request.Path);
        Assert.Empty(request.Environment);
    }

    [Fact]
    public void Empty_args_segments_are_skipped()
    {
        CniArgs args = CniArgs.Parse(";A=1;;B=2;");
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, args.Values);
        Assert.Null(args.Get("C"));
    }

    [Fact]
    public void An_unknown_arg_error_says_how_to_ignore_it()
    {
        CniException e = Assert.Throws<CniException>(() => CniArgs.Parse("IgnoreUnknown=0;X=1").RejectUnknown(["K8S_POD_NAME"]));
        Assert.Equal(CniErrorCode.UnsupportedField, e.Code);
        Assert.Equal("ARGS: unknown args \"X\"", e.Message);
        Assert.Equal("set IgnoreUnknown=1 in CNI_ARGS to ignore it", e.Details);
    }

    [Fact]
    public void Name_checks_give_their_exact_messages()
    {
        Assert.True(CniNames.IsValidInterfaceName("eth0"));
        Assert.False(CniNames.IsValidInterfaceName(""));
        Assert.Equal("interface name is empty", CniNames.InterfaceNameProblem(null));
        Assert.Equal("interface name is empty", CniNames.InterfaceNameProblem(""));
        Assert.Null(CniNames.InterfaceNameProblem(new string('a', 15)));
        Assert.Equal(
            "interface name is too long: interface name should be less than 16 characters",
            CniNames.InterfaceNameProblem(new string('a', 16)));

        CniException missing = Assert.Throws<CniException>(() => CniNames.ValidateContainerId(string.Empty));
        Assert.Equal((CniErrorCode.InvalidEnvironment, "missing containerID"), (missing.Code, missing.Message));
        Assert.Null(missing.Details);
        CniException invalid = Assert.Throws<CniException>(() => CniNames.ValidateContainerId("a/b"));
        Assert.Equal(("invalid characters in containerID", "a/b"), (invalid.Message, invalid.Details));
    }

    [Fact]
    public void Write_error_names_a_null_stdout()
    {
        ArgumentNullException e = Assert.Throws<ArgumentNullException>(() => CniPluginHost.WriteError(null!, "1.0.0", 1, "m", null));
        Assert.Equal("stdout", e.ParamName);
    }

    [Fact]
    public void Results_and_errors_are_indented_json_as_the_reference_plugins_print_them()
    {
        HostOutcome result = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("ADD"), NetworkConfigs.Minimal("1.0.0"));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{\n  \"cniVersion\": \"1.0.0\"", result.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        HostOutcome error = InProcessHost.Run(new RecordingPlugin(), CniEnvironment.For("FOO"), NetworkConfigs.Minimal("1.0.0"));
        Assert.StartsWith("{\n  \"cniVersion\": ", error.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("pipe broke");
    }
}
