using System.Collections.Immutable;
using System.Text.Json;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;
using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>
/// VERSION and error replies of the reference <c>bridge</c> next to podnet's. Where the reference answers with the
/// generic 999, podnet gives the specific code the specification defines; these tests assert podnet's.
/// </summary>
[Kernel]
public sealed class BridgeReplyTests
{
    private const string Bridge = "/usr/lib/cni/bridge";

    [Theory]
    [InlineData(null)]
    [InlineData("""{"cniVersion":"0.4.0"}""")]
    [InlineData("""{"cniVersion":"1.0.0"}""")]
    public void Version_replies_have_the_same_keys(string? stdin)
    {
        using TestNode node = TestNode.Create();
        var environment = new Dictionary<string, string> { ["CNI_COMMAND"] = "VERSION" };
        PluginOutcome reference = Run(node, Bridge, environment, stdin);
        PluginOutcome podnet = Run(node, PodnetBinary.Path, environment, stdin);

        Assert.Equal(0, reference.ExitCode);
        Assert.Equal(0, podnet.ExitCode);
        Assert.Equal(JsonShape.Keys(Json(reference)), JsonShape.Keys(Json(podnet)));
        Assert.Equal(["cniVersion", "supportedVersions"], JsonShape.Keys(Json(podnet)));

        // Every version both implement is listed by both; podnet adds 1.1.0 and drops the pre-0.3.0 formats.
        string[] theirs = [.. Json(reference).GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()!)];
        string[] ours = [.. Json(podnet).GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()!)];
        Assert.Equal(CniVersion.Supported, ours);
        Assert.Equal(theirs.Where(v => CniVersion.Compare(v, "0.3.0") >= 0), ours.Where(v => v != "1.1.0"));

        // The reference always answers in its own newest version; SPEC.md says the reply carries the input's
        // cniVersion, which podnet does.
        string expected = stdin is null ? CniVersion.Latest : JsonDocument.Parse(stdin).RootElement.GetProperty("cniVersion").GetString()!;
        Assert.Equal(expected, Json(podnet).GetProperty("cniVersion").GetString());
    }

    public static TheoryData<string, string, string, int, int> ErrorCases() => new()
    {
        // name, config, CNI_ARGS, reference code, podnet code
        { "unknown cniVersion", """{"cniVersion":"9.9.9","name":"n","type":"bridge"}""", string.Empty, 1, 1 },
        { "CHECK below 0.4.0", """{"cniVersion":"0.3.1","name":"n","type":"bridge"}""", "CHECK", 1, 1 },
        { "missing network name", """{"cniVersion":"1.0.0","type":"bridge"}""", string.Empty, 7, 7 },
        { "network name with a slash", """{"cniVersion":"1.0.0","name":"n/x","type":"bridge"}""", string.Empty, 7, 7 },
        { "empty stdin", string.Empty, string.Empty, 6, 6 },
        { "truncated JSON", """{"cniVersion":"1.0.0","name":"n" """, string.Empty, 6, 6 },
        { "mtu is a string", """{"cniVersion":"1.0.0","name":"n","type":"bridge","mtu":"x"}""", string.Empty, 999, CniErrorCode.DecodingFailure },
        { "isGateway is a string", """{"cniVersion":"1.0.0","name":"n","type":"bridge","isGateway":"yes"}""", string.Empty, 999, CniErrorCode.DecodingFailure },
        { "vlan is -1", """{"cniVersion":"1.0.0","name":"n","type":"bridge","vlan":-1}""", string.Empty, 999, CniErrorCode.InvalidNetworkConfig },
        { "hairpin and promisc", """{"cniVersion":"1.0.0","name":"n","type":"bridge","hairpinMode":true,"promiscMode":true}""", string.Empty, 999, CniErrorCode.InvalidNetworkConfig },
        { "CNI_ARGS pair without =", """{"cniVersion":"1.0.0","name":"n","type":"bridge"}""", "ARGS:FOO", 999, CniErrorCode.DecodingFailure },
        { "CNI_ARGS unknown key", """{"cniVersion":"1.0.0","name":"n","type":"bridge"}""", "ARGS:FOO=1", 999, CniErrorCode.UnsupportedField },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Error_replies_have_the_reference_keys_plus_cniVersion(string name, string config, string variant, int referenceCode, int podnetCode)
    {
        _ = name;
        using TestNode node = TestNode.Create();
        var environment = new Dictionary<string, string>
        {
            ["CNI_COMMAND"] = variant == "CHECK" ? "CHECK" : "ADD",
            ["CNI_CONTAINERID"] = "reply-1",
            ["CNI_NETNS"] = "/run/netns/pn-cni-reply-does-not-exist",
            ["CNI_IFNAME"] = "eth0",
            ["CNI_PATH"] = "/usr/lib/cni",
        };
        if (variant.StartsWith("ARGS:", StringComparison.Ordinal))
        {
            environment["CNI_ARGS"] = variant["ARGS:".Length..];
        }

        // Both fail before touching the kernel; they still run inside a namespace of their own.
        PluginOutcome reference = Run(node, Bridge, environment, config);
        PluginOutcome podnet = Run(node, PodnetBinary.Path, environment, config);

        JsonElement theirs = AssertError(reference, referenceCode);
        JsonElement ours = AssertError(podnet, podnetCode);

        // The reference's libcni writes {code, msg, details?}; SPEC.md 1.0 adds cniVersion, which podnet writes.
        string[] optional = ["details"];
        Assert.Equal(
            JsonShape.Keys(theirs).Except(optional).Append("cniVersion").Order(StringComparer.Ordinal),
            JsonShape.Keys(ours).Except(optional).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, ours.GetProperty("code").ValueKind);
        Assert.False(string.IsNullOrEmpty(ours.GetProperty("msg").GetString()));
        // Where libcni's skel itself answers (version, name), the message is libcni's word for word.
        if (referenceCode is CniErrorCode.IncompatibleVersion or CniErrorCode.InvalidNetworkConfig)
        {
            Assert.Equal(theirs.GetProperty("msg").GetString(), ours.GetProperty("msg").GetString());
        }
    }

    /// <summary>Runs <paramref name="executable"/> in the node with exactly <paramref name="environment"/> and <paramref name="stdin"/>.</summary>
    private static PluginOutcome Run(TestNode node, string executable, Dictionary<string, string> environment, string? stdin) =>
        node.Run(new PluginInvocation(executable, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, environment), stdin ?? string.Empty));

    /// <summary>stdout parsed as JSON (fails the test when it is not JSON).</summary>
    private static JsonElement Json(PluginOutcome outcome)
    {
        using JsonDocument document = JsonDocument.Parse(outcome.Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// An error object as both plugins write it, the reference without <c>cniVersion</c>: exit code 1, the numeric
    /// <c>code</c> <paramref name="code"/>, a string <c>msg</c>; returns the object.
    /// </summary>
    private static JsonElement AssertError(PluginOutcome outcome, int code)
    {
        Assert.True(outcome.ExitCode == 1, $"expected exit code 1, got {outcome.ExitCode}; stdout: {outcome.Stdout}; stderr: {outcome.Stderr}");
        JsonElement error = Json(outcome);
        Assert.True(
            error.TryGetProperty("code", out JsonElement actual) && actual.GetInt32() == code,
            $"expected error code {code}; stdout: {outcome.Stdout}");
        Assert.Equal(JsonValueKind.String, error.GetProperty("msg").ValueKind);
        return error;
    }
}
