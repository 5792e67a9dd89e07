using Podnet.Cni.Tests.Commands.Support;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Commands;

/// <summary>CNI_ARGS: <c>KEY=VALUE</c> pairs separated by <c>;</c>, as libcni's <c>types.LoadArgs</c> reads them.</summary>
public sealed class CniArgsTests
{
    [Fact]
    public void Pairs_are_split_on_semicolons_and_equals()
    {
        CniArgs args = CniArgs.Parse("K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;IP=10.1.0.5");

        Assert.Equal("default", args.Get("K8S_POD_NAMESPACE"));
        Assert.Equal("web-0", args.Get("K8S_POD_NAME"));
        Assert.Equal("10.1.0.5", args.Get("IP"));
        Assert.Null(args.Get("MAC"));
        Assert.Equal(3, args.Values.Count);
        Assert.False(args.IgnoreUnknown);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_args_is_empty(string? text)
    {
        CniArgs args = CniArgs.Parse(text);
        Assert.Empty(args.Values);
        Assert.False(args.IgnoreUnknown);
    }

    [Fact]
    public void An_empty_value_is_kept()
    {
        CniArgs args = CniArgs.Parse("K8S_POD_UID=");
        Assert.Equal(string.Empty, args.Get("K8S_POD_UID"));
    }

    [Theory]
    [InlineData("IgnoreUnknown=1", true)]
    [InlineData("IgnoreUnknown=true", true)]
    [InlineData("IgnoreUnknown=TRUE", true)]
    [InlineData("IgnoreUnknown=0", false)]
    [InlineData("IgnoreUnknown=false", false)]
    [InlineData("IgnoreUnknown=", false)]
    [InlineData("A=1", false)]
    public void IgnoreUnknown_is_1_or_true(string text, bool expected) =>
        Assert.Equal(expected, CniArgs.Parse(text).IgnoreUnknown);

    [Fact]
    public void Unknown_keys_are_rejected_with_code_2_unless_ignored()
    {
        CniException error = Assert.Throws<CniException>(() => CniArgs.Parse("K8S_POD_NAME=a;FOO=bar").RejectUnknown(["K8S_POD_NAME"]));
        Assert.Equal(CniErrorCode.UnsupportedField, error.Code);
        Assert.Contains("FOO", error.Message, StringComparison.Ordinal);

        CniArgs.Parse("K8S_POD_NAME=a;FOO=bar;IgnoreUnknown=1").RejectUnknown(["K8S_POD_NAME"]);
        CniArgs.Parse("IgnoreUnknown=0;K8S_POD_NAME=a").RejectUnknown(["K8S_POD_NAME"]);
    }

    [Theory]
    [InlineData("FOO")]
    [InlineData("=bar")]
    [InlineData("A=1;FOO")]
    [InlineData("A=b=c")]
    public void A_malformed_pair_is_a_decode_error(string text)
    {
        CniException error = Assert.Throws<CniException>(() => CniArgs.Parse(text));
        Assert.Equal(CniErrorCode.DecodingFailure, error.Code);
        Assert.StartsWith("ARGS: invalid pair", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_pair_stops_the_command_with_code_6()
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.With("ADD", "CNI_ARGS", "IgnoreUnknown=1;BROKEN"), NetworkConfigs.Minimal("1.0.0"));

        outcome.AssertError(CniErrorCode.DecodingFailure);
        Assert.Equal("ARGS: invalid pair \"BROKEN\"", outcome.Message);
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public void Args_reach_the_plugin_parsed()
    {
        var plugin = new RecordingPlugin();
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.With("DEL", "CNI_ARGS", "IgnoreUnknown=true;MAC=0a:58:00:00:00:01"), NetworkConfigs.Minimal("1.0.0"));

        Assert.Equal(0, outcome.ExitCode);
        CniArgs args = Assert.Single(plugin.Calls).Args;
        Assert.True(args.IgnoreUnknown);
        Assert.Equal("0a:58:00:00:00:01", args.Get("MAC"));
    }
}
